"""Register the trainer's review queue for reflections with the Wagtail admin.

Wagtail wraps these URLs in its admin access check: anonymous visitors go to
the login page, people without admin access are turned away. The views scope
everything to the cohorts the user trains.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from training.courses.permissions import is_trainer
from training.learning.permissions import cohorts_trained_by

from . import admin_views as views
from .actions import LOG_ACTIONS
from .admin_comment_bank import CommentPhraseViewSet
from .admin_concerns import ConcernFlagViewSet
from .admin_ratings import ReviewRatingViewSet

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("<int:cohort_id>/", views.CohortQueueView.as_view(), name="cohort"),
    path("<int:cohort_id>/zorgen/", views.ConcernsView.as_view(), name="concerns"),
    path(
        "<int:cohort_id>/zorgen/<uuid:flag_id>/opgevolgd/",
        views.ConcernFollowUpView.as_view(),
        name="concern_follow_up",
    ),
    path("<int:cohort_id>/deelnemers/", views.LearnersView.as_view(), name="learners"),
    path(
        "<int:cohort_id>/deelnemers/<int:enrolment_id>/",
        views.LearnerRatingsView.as_view(),
        name="learner_ratings",
    ),
    path("<int:cohort_id>/verlenging/", views.DeadlineExtendView.as_view(), name="extend_deadline"),
    path(
        "<int:cohort_id>/verlenging/<int:extension_id>/intrekken/",
        views.DeadlineExtensionWithdrawView.as_view(),
        name="withdraw_extension",
    ),
    path("reflectie/<uuid:public_id>/", views.SubmissionDetailView.as_view(), name="submission"),
    path(
        "reflectie/<uuid:public_id>/besluit/",
        views.SubmissionDecideView.as_view(),
        name="decide",
    ),
    path(
        "reflectie/<uuid:public_id>/zorg/",
        views.SubmissionConcernView.as_view(),
        name="raise_concern",
    ),
]


@hooks.register("register_admin_urls")
def register_reflection_queue_urls():
    return [
        path(
            "reflecties/",
            include((urlpatterns, views.URL_NAMESPACE), namespace=views.URL_NAMESPACE),
        )
    ]


class ReflectionQueueMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return is_trainer(user) or cohorts_trained_by(user).exists()


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
