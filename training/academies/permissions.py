"""Who holds which role in which academy: the one rule per relation.

- `academies_where(user, *roles)`: the academies in which an active `user`
  holds one of `roles` (every academy for a superuser).
- `academies_administered_by(user)`: where `user` manages trainers and staff.
- `held_roles(user)`: which roles `user` holds anywhere (cached on the user object), for
  the model-level "may they open this screen at all?".
- `academies_overseen_by(user)`: where `user` sees, read-only, the cohorts, who is
  enrolled, their progress counts and certificates (staff and administrators).
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


def held_roles(user) -> frozenset[str]:
    """The roles `user` holds in any academy (every role for a superuser), asked once per
    user object: the admin menu asks several policies "may they open this at all?" on
    every page, and one query answers them all (as Wagtail caches its own permissions
    on the user object)."""
    if not _active(user):
        return frozenset()
    if user.is_superuser:
        return frozenset(Role.values)
    cached = getattr(user, "_academy_held_roles", None)
    if cached is None:
        cached = frozenset(roles_of(user).values_list("role", flat=True).distinct())
        user._academy_held_roles = cached
    return cached


def academies_where(user, *roles: str) -> QuerySet[Academy]:
    if not _active(user):
        return Academy.objects.none()
    if user.is_superuser:
        return Academy.objects.all()
    return Academy.objects.filter(Exists(roles_of(user, *roles).filter(academy=OuterRef("pk"))))


def academies_administered_by(user) -> QuerySet[Academy]:
    return academies_where(user, Role.ADMINISTRATOR)


def academies_overseen_by(user) -> QuerySet[Academy]:
    return academies_where(user, Role.STAFF, Role.ADMINISTRATOR)


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
