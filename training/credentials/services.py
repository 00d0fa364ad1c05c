"""Writes: issue a certificate's credential, follow its revocation, backfill."""

from __future__ import annotations

import uuid

from django.db import IntegrityError, transaction
from django.db.models import F

from training.certificates.models import Certificate

from .documents import open_badge_credential
from .models import (
    STATUS_LIST_SIZE,
    Credential,
    StatusEntry,
    StatusList,
    StatusPurpose,
    StatusScope,
)
from .signing import vc_jwt_sign


def _status_index_allocate(*, scope: str = StatusScope.CERTIFICATE) -> tuple[StatusList, int]:
    """The next free index of the newest revocation list of `scope` (a new list when it
    is full). Certificates and endorsements never share a list.

    Call inside a transaction: the counter is moved on with one UPDATE, which
    the database serialises, so two concurrent issues never get the same index,
    and an index is never handed out again (the unique constraint on
    (status_list, status_index) backs this up).
    """
    while True:
        status_list = (
            StatusList.objects.filter(purpose=StatusPurpose.REVOCATION, scope=scope)
            .order_by("-number")
            .first()
        )
        if status_list is None or status_list.next_index >= status_list.size:
            newest = StatusList.objects.order_by("-number").first()
            number = newest.number + 1 if newest else 1
            try:
                with transaction.atomic():
                    StatusList.objects.create(
                        number=number,
                        purpose=StatusPurpose.REVOCATION,
                        scope=scope,
                        size=STATUS_LIST_SIZE,
                    )
            except IntegrityError:
                pass  # another process created it first
            continue
        moved = StatusList.objects.filter(
            pk=status_list.pk, next_index=status_list.next_index
        ).update(next_index=F("next_index") + 1)
        if moved:
            return status_list, status_list.next_index


def credential_issue(*, certificate: Certificate) -> Credential | None:
    """Sign and store the credential of `certificate`; idempotent.

    Returns the existing credential when there is one (a credential never
    changes once issued), or None when the holder's data was erased (no
    credential with an empty name). The one-to-one on the certificate keeps
    a double run from creating two.
    """
    existing = Credential.objects.filter(certificate_id=certificate.pk).first()
    if existing is not None:
        return existing
    certificate = Certificate.objects.get(pk=certificate.pk)
    if not certificate.holder_name:
        return None
    try:
        with transaction.atomic():
            status_list, index = _status_index_allocate()
            credential_uuid = uuid.uuid4()
            document = open_badge_credential(
                certificate=certificate,
                credential_uuid=credential_uuid,
                status_list=status_list.number,
                status_index=index,
            )
            token, kid = vc_jwt_sign(document)
            return Credential.objects.create(
                certificate=certificate,
                uuid=credential_uuid,
                status_list=status_list,
                status_index=index,
                revoked=certificate.is_revoked,
                jwt=token,
                key_id=kid,
            )
    except IntegrityError:
        existing = Credential.objects.filter(certificate_id=certificate.pk).first()
        if existing is None:
            raise
        return existing


def status_entry_allocate(*, scope: str = StatusScope.ENDORSEMENT) -> StatusEntry:
    """A fresh revocation bit, unset, for a credential that is not a certificate's.

    Call inside the transaction that stores the credential it belongs to.
    """
    status_list, index = _status_index_allocate(scope=scope)
    return StatusEntry.objects.create(status_list=status_list, status_index=index)


def status_entry_set(*, entry: StatusEntry) -> bool:
    """Set the bit (the credential is withdrawn); it is never cleared. True if it changed."""
    return bool(StatusEntry.objects.filter(pk=entry.pk, is_set=False).update(is_set=True))


def credential_status_sync(*, certificate: Certificate) -> Credential | None:
    """Set or clear the credential's revocation bit to match the certificate.

    Issues the credential first if it is missing. Reads the committed state, so
    calling it twice, or late, is harmless.
    """
    credential = credential_issue(certificate=certificate)
    if credential is None:
        return None
    revoked = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=False).exists()
    if credential.revoked != revoked:
        Credential.objects.filter(pk=credential.pk).update(revoked=revoked)
        credential.revoked = revoked
    return credential


def credentials_backfill() -> tuple[int, int]:
    """Issue a credential for every certificate that has none, and bring every
    revocation bit in line. Idempotent. Returns (issued, bits changed)."""
    issued = 0
    for certificate in Certificate.objects.filter(credential__isnull=True).exclude(holder_name=""):
        if credential_issue(certificate=certificate) is not None:
            issued += 1
    changed = Credential.objects.filter(
        revoked=False, certificate__revoked_at__isnull=False
    ).update(revoked=True)
    changed += Credential.objects.filter(revoked=True, certificate__revoked_at__isnull=True).update(
        revoked=False
    )
    return issued, changed
