"""Reads: a holder's credential, one by code, the status list, the LinkedIn link."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from training.certificates.models import Certificate
from training.certificates.selectors import verification_url

from .documents import status_list_credential
from .models import Credential, StatusEntry, StatusList
from .signing import MEDIA_TYPE, vc_jwt_sign


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


def credential_url(certificate: Certificate) -> str | None:
    """The public address of the certificate's VC-JWT (keyed by its code), or None.

    No query (the public lookup stays one query): every certificate gets its
    credential when issued (`credentials_backfill` catches up), and erasure
    empties it together with the holder's name.
    """
    if not certificate.holder_name:
        return None
    path = reverse("credentials:by_code", args=[certificate.display_code])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def enveloped_credential(credential: Credential) -> dict:
    """The VC-JWT as a JSON document (VC Data Model 2.0, enveloped verifiable
    credential): what the holder downloads as a `.json` file."""
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": f"data:{MEDIA_TYPE},{credential.jwt}",
        "type": "EnvelopedVerifiableCredential",
    }


def status_list_jwt(*, number: int) -> str | None:
    """The status list `number` as a freshly signed VC-JWT, or None if there is no such list."""
    status_list = StatusList.objects.filter(number=number).first()
    if status_list is None:
        return None
    revoked = set(
        Credential.objects.filter(status_list=status_list, revoked=True).values_list(
            "status_index", flat=True
        )
    )
    revoked |= set(
        StatusEntry.objects.filter(status_list=status_list, is_set=True).values_list(
            "status_index", flat=True
        )
    )
    document = status_list_credential(
        number=status_list.number,
        purpose=status_list.purpose,
        size=status_list.size,
        set_indexes=revoked,
    )
    token, _kid = vc_jwt_sign(document)
    return token


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
