from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContinuingConfig(AppConfig):
    """After the course: the facilitator's practice log and wellbeing check-ins."""

    name = "training.continuing"
    label = "continuing"
    verbose_name = _("After the course")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from training.assessments.calendar import register_calendar_events

        from .calendar import member_meeting_events
        from .policies import register

        register()
        register_calendar_events(member_meeting_events)
