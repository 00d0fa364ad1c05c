"""Academies in Wagtail's admin: the viewsets and the audit log actions (registered here)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .admin_views import AcademyRoleViewSet, AcademyViewSet


@hooks.register("register_admin_viewset")
def register_academy_viewsets():
    return [AcademyViewSet("academies_admin", url_prefix="academies"), AcademyRoleViewSet("academy_team")]


@hooks.register("register_log_actions")
def register_academy_log_actions(actions):
    actions.register_action("academies.create", _("Create academy"), _("Academy created"))
    actions.register_action("academies.role_grant", _("Give a role"), _("Role given"))
    actions.register_action("academies.role_revoke", _("Take a role away"), _("Role taken away"))
