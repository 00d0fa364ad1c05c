"""Who may manage an academy's team in the admin: one policy per model, registered with Wagtail.

An academy's administrators see, grant and take away the roles of their own academy
(every academy for a superuser); nobody else sees any role row. The same holds for
the academy's open invitations: its administrators see, send and withdraw them. The platform's own
screen of academies keeps Wagtail's default model permissions, which only superusers
hold (no group is given them).
"""

from __future__ import annotations

from django.db.models import QuerySet
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
