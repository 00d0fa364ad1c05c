"""Who may see an association's data: one place for the rules.

- Staff of an association see its facilitators' certification status and
  manage its API tokens; superusers may do so for every association.
- An API token sees its own association's data and nothing else.
Views scope their querysets with `associations_staffed_by`, so another
association's id is a 404.
"""

import hashlib

from django.db.models import QuerySet

from .models import Association


def associations_staffed_by(user) -> QuerySet[Association]:
    if not user.is_authenticated:
        return Association.objects.none()
    if user.is_superuser:
        return Association.objects.all()
    return Association.objects.filter(staff=user)


def is_association_staff(user) -> bool:
    return user.is_authenticated and Association.objects.filter(staff=user).exists()


def token_hash(raw: str) -> str:
    """Tokens are long random strings, so a plain SHA-256 is enough (no salt or slow hash)."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()
