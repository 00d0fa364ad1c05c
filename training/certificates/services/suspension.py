"""Suspending a certificate (a pause, for example while a concern is looked into) and lifting it.

Verification shows "temporarily suspended" with the reason class; the reason
text is the trainer's and stays in the admin. A revoked certificate cannot
be suspended (revocation is final unless undone); revoking a suspended one is
allowed and wins.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .. import signals
from ..models import Certificate, SuspensionReason
from .errors import AlreadyRevoked, AlreadySuspended, NotSuspended, ReasonClassRequired
from .revocation import _clean_reason


def certificate_suspend(
    *, certificate: Certificate, user, reason_class: str, reason: str
) -> Certificate:
    """Pause a certificate. The permission check and the audit entry are the caller's:
    trainers suspend through `actions.CertificateSuspendAction`."""
    reason = _clean_reason(reason)
    if reason_class not in SuspensionReason.values:
        raise ReasonClassRequired()
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.is_revoked:
            raise AlreadyRevoked()
        if certificate.is_suspended:
            raise AlreadySuspended()
        certificate.suspended_at = timezone.now()
        certificate.suspended_by = user
        certificate.suspension_class = reason_class
        certificate.suspension_reason = reason
        certificate.full_clean(exclude=["pdf"], validate_unique=False)
        certificate.save(
            update_fields=[
                "suspended_at",
                "suspended_by",
                "suspension_class",
                "suspension_reason",
            ]
        )
        signals.announce(signals.certificate_suspended, certificate_id=certificate.pk)
    return certificate


def certificate_unsuspend(*, certificate: Certificate, user) -> Certificate:
    """Lift the pause: the certificate is what its dates and revocation make it again."""
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not certificate.is_suspended:
            raise NotSuspended()
        certificate.suspended_at = None
        certificate.suspended_by = None
        certificate.suspension_class = ""
        certificate.suspension_reason = ""
        certificate.full_clean(exclude=["pdf"], validate_unique=False)
        certificate.save(
            update_fields=[
                "suspended_at",
                "suspended_by",
                "suspension_class",
                "suspension_reason",
            ]
        )
        signals.announce(signals.certificate_unsuspended, certificate_id=certificate.pk)
    return certificate
