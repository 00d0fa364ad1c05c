"""Reads: a holder's credential, one by code, the status list, the LinkedIn link."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from training.certificates.models import Certificate
from training.certificates.selectors import verification_url
from training.mail import absolute_url

from .documents import status_list_credential
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


def status_list_secured(*, number: int) -> SecuredCredential | None:
    """The status list `number`, freshly signed in both forms, or None if there is no
    such list. The bits are the credentials' revocation or suspension bits, by the
    list's purpose."""
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
    document = status_list_credential(
        number=status_list.number,
        purpose=status_list.purpose,
        size=status_list.size,
        set_indexes=indexes,
    )
    return credential_secure(document)


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
