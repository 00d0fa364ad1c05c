from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Cohorts, enrolments and progress through a course."""

    name = "training.learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from training.courses.context import (
            register_learner_context_provider,
            register_lesson_view_handler,
        )

        from . import receivers
        from .course_pages import learner_lesson_viewed, learner_page_context

        register_learner_context_provider(learner_page_context)
        register_lesson_view_handler(learner_lesson_viewed)
        receivers.connect()
