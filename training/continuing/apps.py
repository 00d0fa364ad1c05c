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
        from training.certificates.services.reminders import register_reminder_context

        from .calendar import member_meeting_events
        from .policies import register
        from .selectors import renewal_reminder_context

        register()
        register_calendar_events(member_meeting_events)
        register_reminder_context(renewal_reminder_context)
