"""Who holds which role in which academy: the one rule per relation.

- `academies_where(user, *roles)`: the academies in which an active `user`
  holds one of `roles` (every academy for a superuser).
- `academies_administered_by(user)`: where `user` manages trainers and staff.
The trainer rule over cohorts builds on `has_role_in` / `roles_of`
(`training.learning.permissions`), never on its own join.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from .models import Academy, AcademyRole, Role


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
