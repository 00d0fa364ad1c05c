"""Writes for associations: API tokens."""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .models import ApiToken, Association
from .permissions import associations_staffed_by, token_hash

TOKEN_PREFIX = "lga_"  # noqa: S105 - a public marker, not a secret


def api_token_create(*, association: Association, user, name: str) -> tuple[ApiToken, str]:
    """Create a token; returns it with the raw value, which is shown once and never stored."""
    if not associations_staffed_by(user).filter(pk=association.pk).exists():
        raise PermissionDenied
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        association=association,
        name=name.strip(),
        prefix=raw[:10],
        token_hash=token_hash(raw),
        created_by=user,
    )
    token.full_clean()
    with transaction.atomic():
        token.save()
        log(instance=token, action="wagtail.create", user=user)
    return token, raw


def api_token_revoke(*, token: ApiToken, user) -> ApiToken:
    """Revoke a token; requests with it are refused at once. Revoking twice changes nothing."""
    if not associations_staffed_by(user).filter(pk=token.association_id).exists():
        raise PermissionDenied
    with transaction.atomic():
        updated = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if updated:
            log(instance=token, action="associations.token_revoke", user=user)
    token.refresh_from_db()
    return token


def api_token_touch(*, token: ApiToken) -> None:
    """Record when a token was last used (at most once a minute, to keep reads cheap)."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def association_logos_collect() -> int:
    """Move every association logo into the logo collection (superusers only); returns how many."""
    from wagtail.images import get_image_model

    from training.courses.permissions import LOGO_COLLECTION, collection_ensure

    collection = collection_ensure(LOGO_COLLECTION)
    logo_ids = Association.objects.exclude(logo=None).values("logo_id")
    return (
        get_image_model()
        .objects.filter(pk__in=logo_ids)
        .exclude(collection=collection)
        .update(collection=collection)
    )
