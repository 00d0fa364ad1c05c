"""Who may see and change an association's data: one place for the rules.

- Staff of an association see its facilitators' certification status and
  manage its API tokens; superusers may do so for every association.
- Admins among its staff (role "admin") also invite and remove staff and
  invite facilitators; superusers may do so for every association.
- An invitation is for whoever is signed in with its email address.
- A facilitator may end a link to an association they confirmed themselves.
- An API token sees its own association's data and nothing else.
Views scope their querysets with these functions, so another association's
id (or another person's invitation or link) is a 404.
"""

import hashlib

from django.db.models import QuerySet

from .models import (
    Association,
    AssociationInvitation,
    AssociationMembership,
    StaffRole,
)


def associations_staffed_by(user) -> QuerySet[Association]:
    if not user.is_authenticated:
        return Association.objects.none()
    if user.is_superuser:
        return Association.objects.all()
    return Association.objects.filter(staff=user)


def associations_administered_by(user) -> QuerySet[Association]:
    if not user.is_authenticated:
        return Association.objects.none()
    if user.is_superuser:
        return Association.objects.all()
    return Association.objects.filter(
        staff_links__user=user, staff_links__role=StaffRole.ADMIN
    ).distinct()


def can_administer(user, association: Association) -> bool:
    return associations_administered_by(user).filter(pk=association.pk).exists()


def invitations_for(user) -> QuerySet[AssociationInvitation]:
    """Open invitations addressed to this user's email address."""
    if not user.is_authenticated or not user.email:
        return AssociationInvitation.objects.none()
    return AssociationInvitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True)


def memberships_endable_by(user) -> QuerySet[AssociationMembership]:
    """The facilitator links this user confirmed, and may therefore end."""
    if not user.is_authenticated:
        return AssociationMembership.objects.none()
    return AssociationMembership.objects.filter(learner=user, confirmed_at__isnull=False)


def token_hash(raw: str) -> str:
    """Tokens are long random strings, so a plain SHA-256 is enough (no salt or slow hash)."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()
