from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "training.practice"
    label = "practice"
    verbose_name = _("Skills lab")

    def ready(self):
        from training.courses.context import register_learner_context_provider
        from training.learning.signals import enrolment_moved

        from .course_pages import practice_page_context
        from .receivers import follow_moved_enrolment

        enrolment_moved.connect(follow_moved_enrolment, dispatch_uid="practice.follow_moved")
        register_learner_context_provider(practice_page_context)

        from .solo_course_pages import solo_page_context

        register_learner_context_provider(solo_page_context)
