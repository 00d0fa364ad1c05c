from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "training.practice"
    label = "practice"
    verbose_name = _("Skills lab")

    def ready(self):
        from training.assessments.calendar import register_calendar_events
        from training.assessments.stuck import register_stuck_provider
        from training.courses.context import register_learner_context_provider
        from training.learning.extras import register_progress_contributor
        from training.learning.signals import enrolment_moved

        from .calendar import member_meeting_events
        from .course_pages import practice_page_context
        from .dilemmas import dilemma_page_context
        from .progress import practice_progress
        from .receivers import follow_moved_enrolment
        from .solo_course_pages import solo_page_context
        from .stuck import practice_stuck_sections

        enrolment_moved.connect(follow_moved_enrolment, dispatch_uid="practice.follow_moved")
        register_learner_context_provider(practice_page_context)
        register_calendar_events(member_meeting_events)
        register_progress_contributor(practice_progress)
        register_stuck_provider(practice_stuck_sections)
        register_learner_context_provider(solo_page_context)
        register_learner_context_provider(dilemma_page_context)
