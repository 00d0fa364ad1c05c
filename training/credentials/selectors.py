"""Reads: a holder's credential, one by code, the status list, the LinkedIn link."""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from training.certificates.models import Certificate
from training.certificates.selectors import verification_url
from training.mail import absolute_url

from .documents import status_list_credential
from .keys import ED25519, ES256, signing_key
from .models import Credential, StatusEntry, StatusList, StatusPurpose
from .signing import SecuredCredential, credential_secure


def credential_of(certificate: Certificate) -> Credential | None:
    """The signed credential of `certificate`, or None (not issued yet, or erased)."""
    return Credential.objects.filter(certificate_id=certificate.pk).exclude(jwt="").first()


def credential_for_holder(*, user, certificate_id: int) -> Credential | None:
    """The user's own credential for certificate `certificate_id`; None for anyone else's."""
    if not user.is_authenticated:
        return None
    return (
        Credential.objects.select_related("certificate")
        .filter(certificate_id=certificate_id, certificate__learner=user)
        .exclude(jwt="")
        .first()
    )


def credential_by_code(*, code: str) -> Credential | None:
    """The credential of the certificate with this (normalised) verification code."""
    return (
        Credential.objects.select_related("certificate")
        .filter(certificate__code=code)
        .exclude(jwt="")
        .first()
    )


def credential_url(certificate: Certificate, *, form: str = "jwt") -> str | None:
    """The public address of the certificate's credential (keyed by its code), or None:
    `form="jwt"` the OB 3.0 §8.2 VC-JWT, `form="json"` the JSON-LD document with its
    Data Integrity proof. Two addresses, one per form (no content negotiation: a
    link works the same in a browser, a script and a wallet).

    No query (the public lookup stays one query): every certificate gets its
    credential when issued (`credentials_backfill` catches up), and erasure
    empties it together with the holder's name.
    """
    if not certificate.holder_name:
        return None
    name = "credentials:by_code" if form == "jwt" else "credentials:by_code_json"
    path = reverse(name, args=[certificate.display_code])
    return absolute_url(path)


# How long a signed status list is served again while its bits stay the same. Its
# `validFrom` is at most this old; a changed bit never waits (it changes the key).
STATUS_LIST_CACHE_SECONDS = 300


def status_list_secured(*, number: int) -> SecuredCredential | None:
    """The status list `number`, signed in both forms, or None if there is no such
    list. The bits are the credentials' revocation or suspension bits, by the list's
    purpose.

    Signing (RDFC canonicalisation and two signatures) costs far more than reading
    the bits, so the signed list is cached under a key made of everything it is
    signed from: the list, its set bits, the issuer's address and the signing keys.
    A revocation or suspension changes the bits, a key rotation the keys, so a
    verifier never gets a stale list. The cache holds no personal data.
    """
    status_list = StatusList.objects.filter(number=number).first()
    if status_list is None:
        return None
    if status_list.purpose == StatusPurpose.SUSPENSION:
        indexes = Credential.objects.filter(suspension_list=status_list, suspended=True)
        indexes = set(indexes.values_list("suspension_index", flat=True))
    else:
        indexes = set(
            Credential.objects.filter(status_list=status_list, revoked=True).values_list(
                "status_index", flat=True
            )
        )
        # Bits of credentials that are not a certificate's (associations' endorsements).
        indexes |= set(
            StatusEntry.objects.filter(status_list=status_list, is_set=True).values_list(
                "status_index", flat=True
            )
        )
    fingerprint = hashlib.sha256()
    for part in (
        status_list.number,
        status_list.purpose,
        status_list.size,
        absolute_url("/"),
        *sorted(indexes),
    ):
        fingerprint.update(f"{part}|".encode())
    for kind in (ED25519, ES256):
        key_number, private = signing_key(kind)
        fingerprint.update(f"{kind.prefix}-{key_number}|".encode())
        fingerprint.update(hashlib.sha256(private).digest())
    cache_key = f"credentials:status-list:{fingerprint.hexdigest()}"
    secured = cache.get(cache_key)
    if secured is None:
        document = status_list_credential(
            number=status_list.number,
            purpose=status_list.purpose,
            size=status_list.size,
            set_indexes=indexes,
        )
        secured = credential_secure(document)
        cache.set(cache_key, secured, STATUS_LIST_CACHE_SECONDS)
    return secured


def linkedin_add_url(certificate: Certificate) -> str:
    """LinkedIn's "Add license or certification" form, filled in. A plain link."""
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.course_title,
        "organizationName": settings.WAGTAIL_SITE_NAME,
        "issueYear": certificate.issued_on.year,
        "issueMonth": certificate.issued_on.month,
    }
    if certificate.valid_until:
        params["expirationYear"] = certificate.valid_until.year
        params["expirationMonth"] = certificate.valid_until.month
    params["certUrl"] = verification_url(certificate)
    params["certId"] = certificate.display_code
    return "https://www.linkedin.com/profile/add?" + urlencode(params)
