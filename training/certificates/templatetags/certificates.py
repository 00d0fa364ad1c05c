from django import template

from training.certificates.selectors import certification_state

register = template.Library()


@register.inclusion_tag("certificates/includes/dashboard_summary.html")
def certificate_summary(enrolment):
    """One line on the learner's dashboard: certified, or which rules are still missing."""
    return {"state": certification_state(enrolment=enrolment)}
