from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Knowledge checks now; reflections and peer review build on this app."""

    name = "training.assessments"
    label = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        from training.courses.context import register_learner_context_provider
        from training.courses.selectors import register_outline_assignment_model
        from training.learning.signals import enrolment_moved

        from .course_pages import knowledge_check_page_context
        from .models import ReflectionAssignmentPage
        from .policies import register_policies
        from .receivers import follow_moved_enrolment

        register_policies()

        enrolment_moved.connect(follow_moved_enrolment, dispatch_uid="assessments.follow_moved")
        register_learner_context_provider(knowledge_check_page_context)
        register_outline_assignment_model(ReflectionAssignmentPage)
