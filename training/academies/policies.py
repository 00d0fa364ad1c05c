"""Academies' permission policies, registered with Wagtail.

**The academy team.** An academy's administrators see, grant and take away the roles
of their own academy (every academy for a superuser); nobody else sees any role row.
The platform's own screen of academies keeps Wagtail's default model permissions,
which only superusers hold (no group is given them). The same holds for the
academy's open invitations: its administrators see, send and withdraw them.

**Pages: the academy's own tree and the shared courses, read-only.** Wagtail's page
explorer shows a person the pages under their *explorable root*: the first common
ancestor of the pages on which their groups hold an add, change, publish, lock,
unlock or bulk-delete grant (`PagePermissionPolicy.explorable_root_instance`), and
lists only `explorable_instances`. An academy's trainers hold grants on their own
catalogue only, so the shared national course stayed out of sight: Wagtail knows no
view-only page permission. Two mechanisms were possible: a
`construct_explorer_page_queryset` hook (it only filters the children of a page
already opened, it cannot move the explorable root), or one more kind of grant.
We chose the grant, kept in Wagtail's own permission table:

- the academy's teaching groups (administrator, trainer) hold Django's `view_page`
  permission as a `GroupPagePermission` on every shared catalogue
  (`services.academy_groups_sync`, and a receiver when a shared catalogue is made);
- `ViewGrantPagePermissionPolicy`, registered for `Page`, is Wagtail's own page policy
  that also counts a `view_page` grant as explorable (root and instances). Nothing
  else changes: `PagePermissionTester` asks for add, change, publish, lock, unlock
  and bulk delete only, so under a view grant every edit, preview-draft, publish,
  unpublish, move, delete, lock, history, revision and Wagtail-copy view stays 403,
  while "view live" and our own "Copy to my academy" (`admin_views`) are open.

With the shared catalogue explorable, the explorable root of an academy's trainer
becomes the home page, so Wagtail's "is the page under the root" check no longer
keeps another academy's catalogue out. The `construct_explorer_page_queryset` hook
in `wagtail_hooks.py` closes that: opening a page that is not in
`explorable_instances` is a 404 (listing and its results view alike).
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from training.policies import ScopedPermissionPolicy

from .models import AcademyInvitation, AcademyRole, Role
from .permissions import academies_administered_by, academy_invitations_managed_by, held_roles


class AcademyRolePolicy(ScopedPermissionPolicy):
    actions = ("view", "add", "delete")

    def instances_for(self, user, action: str) -> QuerySet[AcademyRole]:
        return AcademyRole.objects.filter(academy__in=academies_administered_by(user))

    def model_actions_for(self, user) -> set[str]:
        return set(self.actions) if Role.ADMINISTRATOR in held_roles(user) else set()


academy_role_policy = AcademyRolePolicy(AcademyRole)

#: The grants Wagtail's explorer counts, plus the view grant (read-only).
EXPLORE_ACTIONS = frozenset({"add", "change", "publish", "lock", "unlock", "bulk_delete", "view"})


class ViewGrantPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, in which a `view_page` grant makes a subtree explorable."""

    def instances_with_direct_explore_permission(self, user):
        if user.is_superuser:
            return super().instances_with_direct_explore_permission(user)
        codenames = self._get_permission_codenames(EXPLORE_ACTIONS)
        return [
            perm.page
            for perm in self.get_cached_permissions_for_user(user)
            if perm.permission.codename in codenames
        ]

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if self._base_queryset_for_user(user) is not None:
            return pages  # a superuser's every page, or nothing for an inactive user
        return pages | self.instances_user_has_any_permission_for(user, {"view"})


page_policy = ViewGrantPagePermissionPolicy(Page)


class AcademyInvitationPolicy(ScopedPermissionPolicy):
    actions = ("view", "add", "delete")

    def instances_for(self, user, action: str) -> QuerySet[AcademyInvitation]:
        return academy_invitations_managed_by(user)

    def model_actions_for(self, user) -> set[str]:
        return set(self.actions) if Role.ADMINISTRATOR in held_roles(user) else set()


academy_invitation_policy = AcademyInvitationPolicy(AcademyInvitation)


def register() -> None:
    """Called from `AcademiesConfig.ready()`."""
    register_permission_policy(AcademyRole, academy_role_policy)
    register_permission_policy(AcademyInvitation, academy_invitation_policy)
    register_permission_policy(Page, page_policy)
