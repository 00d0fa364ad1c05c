from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Knowledge checks now; reflections and peer review build on this app."""

    name = "training.assessments"
    label = "assessments"
    verbose_name = _("Assessments")
