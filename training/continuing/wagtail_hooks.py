from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from training.hooks import CALENDAR_EVENTS, EXPIRY_REMINDER_CONTEXT, ORDER

from .admin_views import (
    ExternalActivityViewSet,
    IntervisionGroupViewSet,
    IntervisionMeetingViewSet,
    SharedSessionViewSet,
    SupportRequestViewSet,
)
from .calendar import member_meeting_events
from .selectors import renewal_reminder_context


@hooks.register("register_admin_viewset")
def register_support_request_viewset():
    return SupportRequestViewSet("support_requests")


@hooks.register("register_admin_viewset")
def register_shared_session_viewset():
    return SharedSessionViewSet("shared_sessions")


@hooks.register("register_admin_viewset")
def register_intervision_viewsets():
    return [
        IntervisionGroupViewSet("intervision_groups"),
        IntervisionMeetingViewSet("intervision_meetings"),
        ExternalActivityViewSet("external_activities"),
    ]


@hooks.register("register_log_actions")
def register_continuing_log_actions(actions):
    actions.register_action(
        "continuing.support_request_follow_up",
        _("Contact a facilitator"),
        _("Facilitator contacted"),
    )
    actions.register_action(
        "continuing.activity_confirm",
        _("Confirm continued education"),
        _("Continued education confirmed"),
    )
    actions.register_action(
        "continuing.activity_reject",
        _("Do not count continued education"),
        _("Continued education not counted"),
    )


# -- Contributions to lower apps (training.hooks) ------------------------------------------
hooks.register(CALENDAR_EVENTS.name, member_meeting_events, order=ORDER["continuing"])
hooks.register(EXPIRY_REMINDER_CONTEXT.name, renewal_reminder_context, order=ORDER["continuing"])
