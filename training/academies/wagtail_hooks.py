"""Academies in Wagtail's admin: the viewsets and the audit log actions (registered here)."""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .admin_views import AcademyRoleViewSet, AcademyViewSet
from .models import Academy
from .permissions import academies_where


@hooks.register("register_admin_viewset")
def register_academy_viewsets():
    return [
        AcademyViewSet("academies_admin", url_prefix="academies"),
        AcademyRoleViewSet("academy_team"),
    ]


@hooks.register("register_log_actions")
def register_academy_log_actions(actions):
    actions.register_action("academies.create", _("Create academy"), _("Academy created"))
    actions.register_action("academies.role_grant", _("Give a role"), _("Role given"))
    actions.register_action("academies.role_revoke", _("Take a role away"), _("Role taken away"))


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
