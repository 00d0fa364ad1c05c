from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from training.certificates.rules import enabled_rules
from training.certificates.selectors import certification_state

register = template.Library()


@dataclass(frozen=True)
class ChecklistItem:
    """One certificate rule on the dashboard: done or still open, and where to do it."""

    label: str
    met: bool
    detail: str
    url: str = ""
    link_text: str = ""


def _where_to_do_it(field: str, enrolment) -> tuple[str, str]:
    """The page where the learner works on the rule `field`, and its link text."""
    if field in ("require_all_lessons", "require_knowledge_checks"):
        return enrolment.course.url, _("Go to the lessons")
    if field == "require_reflections_approved":
        return reverse("reflections:index"), _("Go to my reflections")
    if field == "require_peer_reviews_given":
        return reverse("reflections:index"), _("Give feedback from my reflections")
    if field == "practice_requirement":
        return reverse("practice:mine"), _("Go to my practice rounds")
    return "", ""  # the trainer's sign-off: nothing for the learner to open


def certificate_checklist(state) -> list[ChecklistItem]:
    """The state's rule results in rule order, each open one with where to do it."""
    rules = enabled_rules(state.enrolment.course)
    items = []
    for rule, result in zip(rules, state.results, strict=False):
        url, link_text = ("", "") if result.met else _where_to_do_it(rule.field, state.enrolment)
        items.append(
            ChecklistItem(
                label=result.label,
                met=result.met,
                detail=result.detail,
                url=url or "",
                link_text=link_text,
            )
        )
    return items


@register.inclusion_tag("certificates/includes/dashboard_summary.html")
def certificate_summary(enrolment):
    """The learner's dashboard: certified, or a checklist of the rules, done and still open."""
    state = certification_state(enrolment=enrolment)
    checklist = certificate_checklist(state) if state.results else []
    return {"state": state, "checklist": checklist, "enrolment": enrolment}
