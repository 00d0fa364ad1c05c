"""Academies in Wagtail's admin: the viewsets and the audit log actions (registered here)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin_views import AcademyTeamViewSetGroup, AcademyViewSet
from .models import Academy
from .permissions import academies_where


@hooks.register("register_admin_viewset")
def register_academy_viewsets():
    return [
        AcademyViewSet("academies_admin", url_prefix="academies"),
        AcademyTeamViewSetGroup(),
    ]


@hooks.register("register_log_actions")
def register_academy_log_actions(actions):
    actions.register_action("academies.create", _("Create academy"), _("Academy created"))
    actions.register_action("academies.role_grant", _("Give a role"), _("Role given"))
    actions.register_action("academies.role_revoke", _("Take a role away"), _("Role taken away"))
    actions.register_action("academies.invite", _("Invite to a role"), _("Invited to a role"))
    actions.register_action(
        "academies.invitation_accept", _("Accept invitation"), _("Invitation accepted")
    )
    actions.register_action(
        "academies.invitation_decline", _("Decline invitation"), _("Invitation declined")
    )
    actions.register_action(
        "academies.invitation_withdraw", _("Withdraw invitation"), _("Invitation withdrawn")
    )


@hooks.register("construct_page_chooser_queryset")
def page_chooser_without_other_academies(pages, request):
    """The page chooser shows an academy's people their academies' trees and the shared
    pages, never another academy's tree (Wagtail's explorer already limits by the page
    permissions; the chooser browses the whole tree unless told)."""
    user = request.user
    if user.is_superuser:
        return pages
    others = Academy.objects.exclude(pk__in=academies_where(user).values("pk")).values_list(
        "catalogue__path", flat=True
    )
    inside_others = Q(pk__in=[])
    for path in others:
        inside_others |= Q(path__startswith=path)
    return pages.exclude(inside_others)
