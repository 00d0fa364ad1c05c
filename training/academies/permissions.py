"""Who holds which role in which academy: the one rule per relation.

- `academies_where(user, *roles)`: the academies in which an active `user`
  holds one of `roles` (every academy for a superuser).
- `academies_administered_by(user)`: where `user` manages trainers and staff.
- `academy_invitations_for(user)`: the open invitations addressed to `user`'s
  email address, once that address is verified (allauth's `EmailAddress`): an
  account that merely typed someone's address never sees their invitation.
The trainer rule over cohorts builds on `has_role_in` / `roles_of`
(`training.learning.permissions`), never on its own join.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from .models import Academy, AcademyInvitation, AcademyRole, Role


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def roles_of(user, *roles: str) -> QuerySet[AcademyRole]:
    """`user`'s role rows (of `roles`, or any): an empty queryset for anyone inactive."""
    if not _active(user):
        return AcademyRole.objects.none()
    rows = AcademyRole.objects.filter(user=user)
    return rows.filter(role__in=roles) if roles else rows


def academies_where(user, *roles: str) -> QuerySet[Academy]:
    if not _active(user):
        return Academy.objects.none()
    if user.is_superuser:
        return Academy.objects.all()
    return Academy.objects.filter(Exists(roles_of(user, *roles).filter(academy=OuterRef("pk"))))


def academies_administered_by(user) -> QuerySet[Academy]:
    return academies_where(user, Role.ADMINISTRATOR)


def can_administer(user, academy: Academy) -> bool:
    return academies_administered_by(user).filter(pk=academy.pk).exists()


def works_for_an_academy(user) -> bool:
    return roles_of(user).exists()


def academy_invitations_for(user) -> QuerySet[AcademyInvitation]:
    """Open invitations to `user`'s own email address, if they verified it."""
    from allauth.account.models import EmailAddress

    if not _active(user) or not user.email:
        return AcademyInvitation.objects.none()
    verified = EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True)
    return AcademyInvitation.objects.filter(
        Exists(verified), email__iexact=user.email, accepted_at__isnull=True
    )


def academy_invitations_managed_by(user) -> QuerySet[AcademyInvitation]:
    """The open invitations of the academies `user` administers (every one for a superuser)."""
    return AcademyInvitation.objects.filter(
        academy__in=academies_administered_by(user), accepted_at__isnull=True
    )
