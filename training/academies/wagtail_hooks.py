"""Academies in Wagtail's admin: the viewsets, the audit log actions, the page explorer
and chooser limits, and the "Copy to my academy" view and its buttons (registered here)."""

from django.db.models import Q
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from training.hooks import COLLECTION_SYNC, ORDER

from .admin_views import AcademyTeamViewSetGroup, AcademyViewSet, CourseCopyView
from .models import Academy
from .permissions import academies_where
from .selectors import academies_copying_to, shared_course
from .services import academies_groups_sync


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
    actions.register_action(
        "academies.course_copy", _("Copy a shared course"), _("Shared course copied")
    )


# `manage.py sync_roles` resets every academy's role groups too.
hooks.register(COLLECTION_SYNC.name, academies_groups_sync, order=ORDER["academies"])


@hooks.register("register_admin_urls")
def register_course_copy_url():
    return [
        path(
            "academies/copy-course/<int:page_id>/",
            CourseCopyView.as_view(),
            name="academies_course_copy",
        )
    ]


class CopyToMyAcademyButton(PageMenuItem):
    label = _("Copy to my academy")
    icon_name = "copy"
    url_name = "academies_course_copy"

    def is_shown(self, user):
        # The academies first: cached per request, and empty for most people.
        return bool(academies_copying_to(user)) and shared_course(self.page) is not None


@hooks.register("register_page_listing_more_buttons")
def copy_to_my_academy_in_listing(page, user, next_url=None):
    yield CopyToMyAcademyButton(page=page, priority=21)


@hooks.register("register_page_header_buttons")
def copy_to_my_academy_in_header(page, user, view_name, next_url=None):
    yield CopyToMyAcademyButton(page=page, priority=31)


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
    for catalogue_path in others:
        inside_others |= Q(path__startswith=catalogue_path)
    return pages.exclude(inside_others)


@hooks.register("construct_explorer_page_queryset")
def explorer_opens_only_explorable_pages(parent_page, pages, request):
    """Opening a page in the explorer that the person may not explore is a 404.

    Wagtail redirects only pages outside the explorable root; for an academy's people
    the root is the home page (their catalogue and the shared ones), so another
    academy's catalogue lies under it (`policies.py` explains). This hook is the one
    place Wagtail's explorer and its results view ask us about the opened page.
    """
    user = request.user
    if user.is_superuser:
        return pages
    policy = policy_registry.get_by_type(Page)
    if not policy.explorable_instances(user).filter(pk=parent_page.pk).exists():
        raise Http404
    return pages
