from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Knowledge checks now; reflections and peer review build on this app."""

    name = "training.assessments"
    label = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        from training.learning.signals import enrolment_moved

        from . import policies
        from .receivers import follow_moved_enrolment

        policies.register()
        enrolment_moved.connect(follow_moved_enrolment, dispatch_uid="assessments.follow_moved")
