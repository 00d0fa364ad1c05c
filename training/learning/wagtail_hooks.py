"""Register the trainer's cohort and announcement views with the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from training.hooks import LEARNER_CONTEXT, LESSON_VIEWED, ORDER

from .admin_announcements import AnnouncementViewSet
from .admin_views import CohortViewSet
from .course_pages import learner_lesson_viewed, learner_page_context


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return CohortViewSet("cohorts")


@hooks.register("register_admin_viewset")
def register_announcement_viewset():
    return AnnouncementViewSet("announcements")


@hooks.register("register_log_actions")
def register_invitation_log_actions(actions):
    actions.register_action(
        "learning.rotate_invite", _("Make a new invite link"), _("New invite link made")
    )
    actions.register_action(
        "learning.invite_bulk", _("Invite learners by email"), _("Learners invited by email")
    )
    actions.register_action(
        "learning.invitation_resend", _("Send an invitation again"), _("Invitation sent again")
    )
    actions.register_action(
        "learning.invitation_withdraw", _("Withdraw an invitation"), _("Invitation withdrawn")
    )


# -- Contributions to lower apps (training.hooks) ------------------------------------------
hooks.register(LEARNER_CONTEXT.name, learner_page_context, order=ORDER["learning"])
hooks.register(LESSON_VIEWED.name, learner_lesson_viewed, order=ORDER["learning"])
