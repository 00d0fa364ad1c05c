"""The skills lab's line on the learner's dashboard (learning's template loads it,
as it loads the certificate summary: a template tag, no import upward)."""

from django import template

from ..waiting import waiting_notes

register = template.Library()


@register.inclusion_tag("practice/includes/dashboard_waiting.html")
def practice_waiting(enrolment):
    """What the learner waits for in the skills lab of this course, and what happens next."""
    return {"notes": waiting_notes(enrolment=enrolment), "enrolment": enrolment}
