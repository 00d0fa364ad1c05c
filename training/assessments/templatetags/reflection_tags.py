from django import template
from django.conf import settings

from training.assessments.models import Submission
from training.assessments.reflections.forms import ReflectionForm

register = template.Library()


@register.simple_tag(takes_context=True)
def reflection_editor_form(context):
    """The editor form of the assignment page: the refused one after a failed post, else a fresh one."""
    if context.get("reflection_form") is not None:
        return context["reflection_form"]
    state = context.get("reflection")
    version = getattr(state, "version", None)
    submission = getattr(state, "submission", None)
    initial = {
        "text": version.text if version else "",
        "base_revision": version.revision if version else 0,
    }
    if submission is not None and submission.first_submitted_at:
        # A revision keeps the earlier choice; a first submission asks for one.
        initial["audience"] = submission.audience
    return ReflectionForm(initial=initial, audience_required=True)


@register.simple_tag
def reflection_draft_max_chars() -> int:
    """The longest draft that can be saved, in characters (the editor states it)."""
    return settings.REFLECTION_DRAFT_MAX_CHARS


@register.simple_tag
def reflection_statuses(enrolment, assignments) -> dict:
    """{assignment id: status label} of the learner's reflections in `assignments` (one query)."""
    if not enrolment or not assignments:
        return {}
    rows = Submission.objects.filter(
        enrolment=enrolment, assignment__in=[a.pk for a in assignments]
    )
    return {
        row.assignment_id: row.get_status_display() for row in rows.only("assignment_id", "status")
    }
