from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Cohorts, enrolments and progress through a course."""

    name = "training.learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from . import policies, receivers

        policies.register()
        receivers.connect()
