"""Academies in Wagtail's admin: audit log actions (registered once, here)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_academy_log_actions(actions):
    actions.register_action("academies.create", _("Create academy"), _("Academy created"))
    actions.register_action("academies.role_grant", _("Give a role"), _("Role given"))
    actions.register_action("academies.role_revoke", _("Take a role away"), _("Role taken away"))
