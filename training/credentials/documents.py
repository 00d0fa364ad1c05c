"""The unsigned documents: an Open Badges 3.0 credential, and a Bitstring Status List.

Open Badges 3.0 (1EdTech, `ob_v3p0`) on the W3C Verifiable Credentials Data
Model 2.0; W3C Bitstring Status List v1.0. The contexts and the OB 3.0 JSON
schema are shipped in `standards/`.
"""

from __future__ import annotations

import base64
import datetime
import gzip
import hashlib
import uuid
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation

from training.certificates.models import Certificate
from training.certificates.selectors import verification_url
from training.courses.pillars import Pillar

from .did import base_url, issuer_did
from .linked_data import OB_CONTEXT, OB_EXTENSIONS_CONTEXT, VC_CONTEXT

# Every context the credential uses, each bundled in `standards/`: the OB
# extensions context defines `1EdTechJsonSchemaValidator2019` (credentialSchema).
CREDENTIAL_CONTEXTS = [VC_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT]
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _start_of(day: datetime.date) -> str:
    """Midnight at the start of `day`, in the site's time zone, as UTC."""
    zone = ZoneInfo(settings.TIME_ZONE)
    return _utc(datetime.datetime.combine(day, datetime.time.min, tzinfo=zone))


def status_list_url(number: int) -> str:
    return base_url() + reverse("credentials:status_list", args=[number])


def platform_profile() -> dict:
    return {
        "id": issuer_did(),
        "type": ["Profile"],
        "name": settings.WAGTAIL_SITE_NAME,
        "url": base_url() + "/",
        "image": {"id": base_url() + static("img/logo.svg"), "type": "Image"},
    }


def issuer_profile(certificate: Certificate | None = None) -> dict:
    """The issuer: the platform, or the academy that issued the certificate.

    An academy's credential is signed by the platform's DID on the academy's behalf:
    `id` stays the platform's `did:web` (the key a verifier resolves; one key to guard,
    rotate and back up, and a small association needs no web server or key of its own),
    `name` is the academy's, and `parentOrg` names the platform that signs for it. A
    per-academy `did:web` path would give each academy a key to manage for no gain in
    trust: the platform holds the keys either way.
    """
    platform = platform_profile()
    if certificate is None or not certificate.issuer_name:
        return platform
    return {
        "id": platform["id"],
        "type": ["Profile"],
        "name": certificate.issuer_name,
        "url": platform["url"],
        "description": f"{certificate.issuer_name}, een academie op {platform['name']}. "
        f"{platform['name']} ondertekent namens de academie.",
        "parentOrg": {
            "id": platform["url"],
            "type": ["Profile"],
            "name": platform["name"],
        },
    }


def achievement_id(certificate: Certificate) -> str:
    """Stable per qualification and site: the same course is the same achievement."""
    name = f"{base_url()}/achievements/course-{certificate.qualification_id}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def criteria_narrative(certificate: Certificate) -> str:
    """What the holder did, in Dutch: the study load and the hours per pillar."""
    with translation.override("nl"):
        pillars = [
            f"{Pillar(row['pillar']).label} ({row['hours']} uur)" for row in certificate.pillars
        ]
    text = (
        f"De cursus “{certificate.course_title}” volledig afgerond volgens de regels van de "
        f"cursus. Studiebelasting: {certificate.study_hours} uur"
    )
    if len(pillars) > 1:
        text += f", over de pijlers {', '.join(pillars[:-1])} en {pillars[-1]}"
    elif pillars:
        text += f", in de pijler {pillars[0]}"
    return text + "."


def achievement_description(certificate: Certificate) -> str:
    text = (
        f"Certificaat van {settings.WAGTAIL_SITE_NAME} voor gespreksbegeleiders van "
        f"lotgenotengroepen: de cursus “{certificate.course_title}”."
    )
    if certificate.qualification_title != certificate.course_title:
        text += f" Vernieuwt het certificaat voor “{certificate.qualification_title}”."
    return text


def identity_hash(*, email: str, salt: str) -> str:
    """OB 3.0 IdentityHash: `sha256$` and the hex SHA-256 of the email (trimmed and
    lower-cased) followed by the salt, as Open Badges has hashed emails since 2.0."""
    digest = hashlib.sha256((email.strip().lower() + salt).encode("utf-8")).hexdigest()
    return f"sha256${digest}"


def subject_id(credential_uuid: uuid.UUID) -> str:
    """The credential subject's id before the holder gives a DID: an opaque URN of this
    credential alone (never the account), so §8.2's `sub` claim always has a value."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'urn:uuid:{credential_uuid}#subject')}"


def _status_entry(*, number: int, index: int, purpose: str) -> dict:
    url = status_list_url(number)
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def open_badge_credential(
    *,
    certificate: Certificate,
    credential_uuid: uuid.UUID,
    status_list: int,
    status_index: int,
    suspension_list: int,
    suspension_index: int,
    holder_email: str,
    salt: str,
    holder_did: str = "",
) -> dict:
    """The OpenBadgeCredential of `certificate`: a snapshot, like the PDF.

    The holder is bound by `identifier` (their email, salted and hashed: a
    verifier who knows the email can confirm it) and, once they gave a DID
    from their wallet, by `credentialSubject.id`.
    """
    document = {
        "@context": list(CREDENTIAL_CONTEXTS),
        "id": f"urn:uuid:{credential_uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": issuer_profile(certificate),
        "validFrom": _start_of(certificate.issued_on),
    }
    if certificate.valid_until:
        # The certificate is valid through its last day: until the next midnight.
        document["validUntil"] = _start_of(certificate.valid_until + datetime.timedelta(days=1))
    document["credentialSubject"] = {
        "id": holder_did or subject_id(credential_uuid),
        "type": ["AchievementSubject"],
        "name": certificate.holder_name,
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": identity_hash(email=holder_email, salt=salt),
                "identityType": "emailAddress",
                "hashed": True,
                "salt": salt,
            }
        ],
        "achievement": {
            "id": achievement_id(certificate),
            "type": ["Achievement"],
            "achievementType": "Certificate",
            "name": certificate.qualification_title,
            "description": achievement_description(certificate),
            "criteria": {"narrative": criteria_narrative(certificate)},
            "inLanguage": "nl",
        },
    }
    document["evidence"] = [
        {
            "id": verification_url(certificate),
            "type": ["Evidence"],
            "name": "Controlepagina van het certificaat",
        }
    ]
    # One entry: OB 3.0 allows `credentialStatus` [0..1] and its JSON Schema (which the
    # 1EdTech validator runs) requires an object. Revocation is that entry; the
    # suspension bit is published in its own status list (`suspension_list`), named by
    # the API and the verification page, until OB allows a set (1EdTech
    # openbadges-specification#623; VC 2.0 already does).
    document["credentialStatus"] = _status_entry(
        number=status_list, index=status_index, purpose="revocation"
    )
    document["credentialSchema"] = [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}]
    return document


def encoded_list(*, size: int, set_indexes: Iterable[int]) -> str:
    """The bitstring, index 0 the most significant bit of the first byte, gzipped and
    base64url-encoded without padding, with the multibase prefix `u`."""
    bits = bytearray(size // 8)
    for index in set_indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def status_list_credential(
    *, number: int, purpose: str, size: int, set_indexes: Iterable[int]
) -> dict:
    url = status_list_url(number)
    # The VC 2.0 context defines the Bitstring Status List and DataIntegrityProof terms.
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": _utc(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encoded_list(size=size, set_indexes=set_indexes),
        },
    }
