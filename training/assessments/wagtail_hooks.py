"""Register the trainer's reflection workspace with the Wagtail admin.

The queue (a ViewSet of the bespoke pages), the concerns and the ratings of
feedback (read-only ModelViewSets) and the comment bank. Wagtail wraps their
URLs in its admin access check: anonymous visitors go to the login page,
people without admin access are turned away; the policies
(`policies.py`) scope everything to the cohorts the user trains.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from training.hooks import LEARNER_CONTEXT, ORDER, OUTLINE_ASSIGNMENT_MODEL
from training.learning.permissions import is_trainer

from . import admin_views as views
from .actions import LOG_ACTIONS
from .admin_comment_bank import CommentPhraseViewSet
from .admin_concerns import ConcernFlagViewSet
from .admin_ratings import ReviewRatingViewSet
from .course_pages import knowledge_check_page_context
from .models import ReflectionAssignmentPage


@hooks.register("register_admin_viewset")
def register_reflection_queue_viewset():
    return views.ReflectionQueueViewSet()


class ReflectionQueueMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return is_trainer(user)


@hooks.register("register_admin_menu_item")
def register_reflection_queue_menu_item():
    return ReflectionQueueMenuItem(
        _("Reflections"),
        reverse(f"{views.URL_NAMESPACE}:index"),
        name="reflections",
        icon_name="doc-full-inverse",
        order=260,
    )


@hooks.register("register_log_actions")
def register_assessment_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("register_admin_viewset")
def register_comment_bank_viewset():
    return CommentPhraseViewSet("comment_bank")


@hooks.register("register_admin_viewset")
def register_concerns_viewset():
    return ConcernFlagViewSet("reflection_concerns", url_prefix="reflecties/zorgen")


@hooks.register("register_admin_viewset")
def register_ratings_viewset():
    return ReviewRatingViewSet("reflection_ratings", url_prefix="reflecties/beoordelingen")


# -- Contributions to lower apps (training.hooks) ------------------------------------------
hooks.register(LEARNER_CONTEXT.name, knowledge_check_page_context, order=ORDER["assessments"])


@hooks.register(OUTLINE_ASSIGNMENT_MODEL.name, order=ORDER["assessments"])
def reflection_assignments_in_the_outline():
    return ReflectionAssignmentPage
