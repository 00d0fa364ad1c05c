"""Revoking a certificate and undoing it, each with a reason."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .. import signals
from ..models import Certificate
from .errors import AlreadyRevoked, NotRevoked, ReasonRequired


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired()
    return reason


def certificate_revoke(*, certificate: Certificate, user, reason: str) -> Certificate:
    """Revoke a certificate with a reason; the verification page shows it at once.

    `user` is recorded as the one who revoked it. The permission check and the
    audit entry are the caller's: trainers revoke through
    `actions.CertificateRevokeAction`."""
    reason = _clean_reason(reason)
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.is_revoked:
            raise AlreadyRevoked()
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = user
        certificate.revoked_reason = reason
        certificate.full_clean(exclude=["pdf"], validate_unique=False)
        certificate.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
        signals.announce(signals.certificate_revoked, certificate_id=certificate.pk)
    return certificate


def certificate_unrevoke(*, certificate: Certificate, user, reason: str) -> Certificate:
    """Undo a revocation, with a reason (`user` and `reason` are for the caller's
    audit entry; the history keeps both reasons). The permission check and the
    entry are the caller's: trainers undo through `actions.CertificateUnrevokeAction`."""
    _clean_reason(reason)
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not certificate.is_revoked:
            raise NotRevoked()
        certificate.revoked_at = None
        certificate.revoked_by = None
        certificate.revoked_reason = ""
        certificate.full_clean(exclude=["pdf"], validate_unique=False)
        certificate.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
        signals.announce(signals.certificate_unrevoked, certificate_id=certificate.pk)
    return certificate
