from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContinuingConfig(AppConfig):
    """After the course: the facilitator's practice log and wellbeing check-ins."""

    name = "training.continuing"
    label = "continuing"
    verbose_name = _("After the course")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import policies

        policies.register()
