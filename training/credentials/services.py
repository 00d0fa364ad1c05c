"""Writes: issue a certificate's credential, re-issue it, follow its status, backfill."""

from __future__ import annotations

import re
import secrets
import uuid

from django.db import IntegrityError, transaction
from django.db.models import F

from training.certificates.models import Certificate

from .documents import open_badge_credential
from .models import (
    CURRENT_FORMAT,
    STATUS_LIST_SIZE,
    Credential,
    StatusEntry,
    StatusList,
    StatusPurpose,
    StatusScope,
)
from .signing import credential_secure

# W3C DID syntax: did:<method>:<method-specific id>, without spaces (a wallet's DID).
DID_PATTERN = re.compile(r"^did:[a-z0-9]+:[^\s#?]+$")


class InvalidHolderDid(ValueError):
    """Not a DID a wallet would give (`did:<method>:<id>`)."""


def _status_index_allocate(
    purpose: str = StatusPurpose.REVOCATION, *, scope: str = StatusScope.CERTIFICATE
) -> tuple[StatusList, int]:
    """The next free index of the newest list of `purpose` and `scope` (a new list when it
    is full). Certificates and endorsements never share a list.

    Call inside a transaction: the counter is moved on with one UPDATE, which
    the database serialises, so two concurrent issues never get the same index,
    and an index is never handed out again (the unique constraints on
    (status_list, status_index) and (suspension_list, suspension_index) back this up).
    Lists of both purposes share one numbering (each number is one URL).
    """
    while True:
        status_list = (
            StatusList.objects.filter(purpose=purpose, scope=scope).order_by("-number").first()
        )
        if status_list is None or status_list.next_index >= status_list.size:
            newest = StatusList.objects.order_by("-number").first()
            number = newest.number + 1 if newest else 1
            try:
                with transaction.atomic():
                    StatusList.objects.create(
                        number=number, purpose=purpose, scope=scope, size=STATUS_LIST_SIZE
                    )
            except IntegrityError:
                pass  # another process created it first
            continue
        moved = StatusList.objects.filter(
            pk=status_list.pk, next_index=status_list.next_index
        ).update(next_index=F("next_index") + 1)
        if moved:
            return status_list, status_list.next_index


def _sign_into(credential: Credential, certificate: Certificate) -> Credential:
    """Build and secure the credential's document (both forms) onto `credential`."""
    document = open_badge_credential(
        certificate=certificate,
        credential_uuid=credential.uuid,
        status_list=credential.status_list.number,
        status_index=credential.status_index,
        suspension_list=credential.suspension_list.number,
        suspension_index=credential.suspension_index,
        holder_email=certificate.learner.email,
        salt=secrets.token_hex(16),
        holder_did=credential.holder_did,
    )
    secured = credential_secure(document)
    credential.document = secured.data_integrity
    credential.jwt = secured.jwt
    credential.key_id = secured.jwt_kid
    credential.proof_method = secured.proof_method
    credential.format = CURRENT_FORMAT
    return credential


def credential_issue(*, certificate: Certificate) -> Credential | None:
    """Sign and store the credential of `certificate`; idempotent.

    Returns the existing credential when there is one, or None when the
    holder's data was erased (no credential with an empty name). The
    one-to-one on the certificate keeps a double run from creating two.
    """
    existing = Credential.objects.filter(certificate_id=certificate.pk).first()
    if existing is not None:
        return existing
    certificate = Certificate.objects.select_related("learner").get(pk=certificate.pk)
    if not certificate.holder_name:
        return None
    try:
        with transaction.atomic():
            status_list, index = _status_index_allocate(StatusPurpose.REVOCATION)
            suspension_list, suspension_index = _status_index_allocate(StatusPurpose.SUSPENSION)
            credential = Credential(
                certificate=certificate,
                uuid=uuid.uuid4(),
                status_list=status_list,
                status_index=index,
                suspension_list=suspension_list,
                suspension_index=suspension_index,
                revoked=certificate.is_revoked,
                suspended=certificate.is_suspended,
            )
            _sign_into(credential, certificate)
            credential.full_clean(exclude=["certificate"], validate_unique=False)
            credential.save()
            return credential
    except IntegrityError:
        existing = Credential.objects.filter(certificate_id=certificate.pk).first()
        if existing is None:
            raise
        return existing


def credential_reissue(*, credential: Credential, holder_did: str | None = None) -> Credential:
    """Sign the credential again in the current forms, keeping its id and its status
    indexes (a suspension index is added if it had none), so copies issued before
    keep verifying and keep following the status. `holder_did`, when given,
    becomes `credentialSubject.id` (and the JWT's `sub`)."""
    with transaction.atomic():
        # Lock the credential row only: PostgreSQL refuses FOR UPDATE on the nullable
        # side of the outer join to `suspension_list`.
        credential = (
            Credential.objects.select_for_update(of=("self",))
            .select_related("certificate__learner", "status_list", "suspension_list")
            .get(pk=credential.pk)
        )
        certificate = credential.certificate
        if not certificate.holder_name:
            return credential  # erased: nothing to sign
        if credential.suspension_list_id is None:
            credential.suspension_list, credential.suspension_index = _status_index_allocate(
                StatusPurpose.SUSPENSION
            )
        if holder_did is not None:
            credential.holder_did = holder_did
        _sign_into(credential, certificate)
        credential.save()
    return credential


def credential_reissue_for_holder(*, certificate: Certificate, holder_did: str) -> Credential:
    """The certificate's credential, re-issued to the holder's DID (from their wallet).

    Issues it first if it is missing. Raises `InvalidHolderDid` for anything that
    is not a DID, and `Credential.DoesNotExist` for an erased holder. Idempotent
    for the same DID: a credential already bound to it is returned as it is.
    """
    holder_did = (holder_did or "").strip()
    if len(holder_did) > 500 or not DID_PATTERN.match(holder_did):
        raise InvalidHolderDid(holder_did)
    credential = credential_issue(certificate=certificate)
    if credential is None:
        raise Credential.DoesNotExist
    if credential.holder_did == holder_did and credential.format == CURRENT_FORMAT:
        return credential
    return credential_reissue(credential=credential, holder_did=holder_did)


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
    """Set or clear the credential's revocation and suspension bits to match the certificate.

    Issues the credential first if it is missing. Reads the committed state, so
    calling it twice, or late, is harmless.
    """
    credential = credential_issue(certificate=certificate)
    if credential is None:
        return None
    state = Certificate.objects.filter(pk=certificate.pk).values("revoked_at", "suspended_at").get()
    revoked = state["revoked_at"] is not None
    suspended = state["suspended_at"] is not None
    if (credential.revoked, credential.suspended) != (revoked, suspended):
        Credential.objects.filter(pk=credential.pk).update(revoked=revoked, suspended=suspended)
        credential.revoked, credential.suspended = revoked, suspended
    return credential


def credentials_backfill() -> tuple[int, int, int]:
    """Issue a credential for every certificate that has none, re-issue every credential
    signed in an older form (the old copies keep verifying), and bring every status
    bit in line. Idempotent. Returns (issued, re-issued, bits changed)."""
    issued = 0
    for certificate in Certificate.objects.filter(credential__isnull=True).exclude(holder_name=""):
        if credential_issue(certificate=certificate) is not None:
            issued += 1
    reissued = 0
    older = (
        Credential.objects.exclude(format=CURRENT_FORMAT)
        .exclude(jwt="")
        .exclude(certificate__holder_name="")
    )
    for credential in older.iterator():
        credential_reissue(credential=credential)
        reissued += 1
    changed = 0
    for field, lookup in (("revoked", "revoked_at"), ("suspended", "suspended_at")):
        changed += Credential.objects.filter(
            **{field: False, f"certificate__{lookup}__isnull": False}
        ).update(**{field: True})
        changed += Credential.objects.filter(
            **{field: True, f"certificate__{lookup}__isnull": True}
        ).update(**{field: False})
    return issued, reissued, changed
