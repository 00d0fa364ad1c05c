"""Completion rules: what a learner must do before a course gives a certificate.

Each rule is a function `(enrolment) -> RuleResult`, registered under the
name of the CoursePage BooleanField that switches it on. A course with no
rule switched on gives no certificate. Rules only read; issuing is in
services.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from training.learning.models import Enrolment


@dataclass(frozen=True)
class RuleResult:
    met: bool
    label: str
    detail: str = ""


@dataclass(frozen=True)
class Rule:
    field: str
    label: str
    check: Callable[[Enrolment], RuleResult]


RULES: dict[str, Rule] = {}


def rule(field: str, label):
    """Register a rule, switched on by the CoursePage BooleanField `field`."""

    def register(check):
        RULES[field] = Rule(field=field, label=label, check=check)
        return check

    return register


def enabled_rules(course) -> list[Rule]:
    return [r for field, r in RULES.items() if getattr(course, field, False)]


def course_gives_certificate(course) -> bool:
    return bool(enabled_rules(course))


def rules_evaluate(
    *, enrolment: Enrolment, stop_at_first_unmet: bool = False, exclude=frozenset()
) -> list[RuleResult]:
    """The enabled rules of the enrolment's course, in registry order, with their results."""
    results = []
    for r in enabled_rules(enrolment.course):
        if r.field in exclude:
            continue
        result = r.check(enrolment)
        results.append(result)
        if stop_at_first_unmet and not result.met:
            break
    return results


def rules_met(*, enrolment: Enrolment) -> bool:
    """All enabled rules met (and at least one enabled). Stops at the first unmet rule."""
    results = rules_evaluate(enrolment=enrolment, stop_at_first_unmet=True)
    return bool(results) and all(result.met for result in results)


# --- The rules ----------------------------------------------------------------

LESSONS_LABEL = _("All lessons completed")
CHECKS_LABEL = _("All knowledge checks passed")
REFLECTIONS_LABEL = _("Required reflections approved by a trainer")
PEER_REVIEWS_LABEL = _("Required peer reviews given")
SIGNOFF_LABEL = _("Final sign-off by a trainer")


@rule("require_all_lessons", LESSONS_LABEL)
def lessons_done(enrolment: Enrolment) -> RuleResult:
    from training.learning.selectors import lesson_tally

    tally = lesson_tally(enrolment=enrolment)
    detail = gettext("%(done)s of %(total)s lessons completed") % {
        "done": tally.done,
        "total": tally.total,
    }
    return RuleResult(tally.complete, str(LESSONS_LABEL), detail)


@rule("require_knowledge_checks", CHECKS_LABEL)
def knowledge_checks_passed(enrolment: Enrolment) -> RuleResult:
    """Every live lesson with knowledge checks passed by the course's pass mark.

    The same rule that completes a lesson (`knowledge_checks.checks_pass`).
    """
    from training.assessments.knowledge_checks import course_checks_passed

    checks = course_checks_passed(enrolment=enrolment)
    if not checks.lessons_with_checks:
        return RuleResult(True, str(CHECKS_LABEL), gettext("No knowledge checks in this course."))
    detail = gettext("%(done)s of %(total)s lessons with knowledge checks passed") % {
        "done": checks.lessons_passed,
        "total": checks.lessons_with_checks,
    }
    return RuleResult(checks.passed, str(CHECKS_LABEL), detail)


def _reflection_selectors():
    """The reflections module, or None while it does not exist.

    Only a missing module counts as "no reflections": an import error inside
    an existing module is a bug and must not certify anyone silently.
    """
    try:
        from training.assessments.reflections import selectors
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("training.assessments.reflections"):
            return None
        raise
    return selectors


def _from_requirement(result, label, missing_text) -> RuleResult:
    met = bool(result.met)
    detail = str(getattr(result, "detail", "") or "")
    if met:
        return RuleResult(True, str(label), detail or gettext("Done."))
    return RuleResult(False, str(label), missing_text % {"items": detail} if detail else "")


@rule("require_reflections_approved", REFLECTIONS_LABEL)
def reflections_approved(enrolment: Enrolment) -> RuleResult:
    selectors = _reflection_selectors()
    if selectors is None:
        return RuleResult(True, str(REFLECTIONS_LABEL), gettext("no reflections in this course"))
    return _from_requirement(
        selectors.required_reflections_approved(enrolment=enrolment),
        REFLECTIONS_LABEL,
        gettext("Not yet approved: %(items)s"),
    )


@rule("require_peer_reviews_given", PEER_REVIEWS_LABEL)
def peer_reviews_given(enrolment: Enrolment) -> RuleResult:
    selectors = _reflection_selectors()
    if selectors is None:
        return RuleResult(True, str(PEER_REVIEWS_LABEL), gettext("no reflections in this course"))
    return _from_requirement(
        selectors.peer_reviews_given(enrolment=enrolment),
        PEER_REVIEWS_LABEL,
        gettext("Still to give: %(items)s"),
    )


@rule("require_trainer_signoff", SIGNOFF_LABEL)
def trainer_signed_off(enrolment: Enrolment) -> RuleResult:
    from .models import TrainerSignoff

    signoff = TrainerSignoff.objects.filter(enrolment=enrolment).select_related("signed_by").first()
    if signoff is None:
        return RuleResult(
            False, str(SIGNOFF_LABEL), gettext("Your trainer has not signed off yet.")
        )
    return RuleResult(True, str(SIGNOFF_LABEL), gettext("Signed off."))


PRACTICE_LABEL = _("Practice rounds as listener with an observation received")


@rule("practice_requirement", PRACTICE_LABEL)
def practice_rounds_observed(enrolment: Enrolment) -> RuleResult:
    """Off unless the course has a practice requirement (training.practice, one row)."""
    from training.practice.selectors import listener_rounds_observed

    required = enrolment.course.practice_requirement.listener_rounds
    done = listener_rounds_observed(enrolment=enrolment)
    detail = gettext("%(done)s of %(total)s practice rounds as listener observed") % {
        "done": min(done, required),
        "total": required,
    }
    return RuleResult(done >= required, str(PRACTICE_LABEL), detail)
