"""A credential verifies without our signing code: did:web over HTTP, the signature,
the OB 3.0 schema, and the status bit before and after revocation and after undo."""

import base64
import json

import pytest
from cryptography.exceptions import InvalidSignature

from tests.factories import CertificateFactory
from training.certificates import services as certificate_services
from training.credentials.services import credential_issue

from .verifier import b64url_decode, http_get, ob3_schema_errors, status_bit, verify_vc_jwt

# The live server needs committed data; the migrated page tree is put back each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site_url(live_server, settings):
    """The live server is the site: the DID and every URL in a credential point at it."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    return live_server.url


@pytest.fixture
def certificate(db):
    return CertificateFactory(
        holder_name="Fatima el Amrani",
        pillars=[
            {"pillar": "experience", "hours": 4},
            {"pillar": "listening", "hours": 6},
            {"pillar": "boundaries", "hours": 2},
        ],
        study_hours=12,
    )


def _status(payload, purpose="revocation") -> int:
    entry = payload["credentialStatus"]
    assert entry["statusPurpose"] == purpose
    assert entry["type"] == "BitstringStatusListEntry"
    body, content_type = http_get(entry["statusListCredential"])
    assert content_type.startswith("application/vc+jwt")
    _header, status_list = verify_vc_jwt(body.strip())
    assert status_list["id"] == entry["statusListCredential"]
    assert "BitstringStatusListCredential" in status_list["type"]
    assert status_list["credentialSubject"]["statusPurpose"] == purpose
    return status_bit(status_list, int(entry["statusListIndex"]))


def test_a_credential_verifies_independently_and_its_bit_follows_revocation(site_url, certificate):
    credential = credential_issue(certificate=certificate)

    header, payload = verify_vc_jwt(credential.jwt)

    host = site_url.removeprefix("http://")
    assert payload["issuer"]["id"] == "did:web:" + host.replace(":", "%3A")
    assert header["kid"] == payload["issuer"]["id"] + "#es256-1"
    assert ob3_schema_errors(payload) == []
    assert payload["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    ]
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert payload["issuer"]["name"] == "Lotgenoot Academie"
    assert payload["issuer"]["url"] == site_url + "/"
    assert payload["issuer"]["image"]["id"].startswith(site_url)
    subject = payload["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["name"] == "Fatima el Amrani"
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["name"] == certificate.qualification_title
    narrative = achievement["criteria"]["narrative"]
    assert "Studiebelasting: 12 uur" in narrative
    assert "Ervaringsdeskundigheid (4 uur)" in narrative
    assert "Luistervaardigheden (6 uur) en Grenzen bewaken (2 uur)" in narrative
    assert payload["validFrom"].endswith("Z")
    assert payload["validUntil"] > payload["validFrom"]
    assert payload["validUntil"][:4] == str(certificate.valid_until.year)

    assert _status(payload) == 0
    trainer = certificate.cohort.trainers.get()
    certificate_services.certificate_revoke(certificate=certificate, user=trainer, reason="Fout")
    assert _status(payload) == 1
    certificate_services.certificate_unrevoke(certificate=certificate, user=trainer, reason="Toch")
    assert _status(payload) == 0


def test_a_tampered_credential_does_not_verify(site_url, certificate):
    token = credential_issue(certificate=certificate).jwt
    head, body, signature = token.split(".")
    payload = json.loads(b64url_decode(body))
    payload["credentialSubject"]["name"] = "Iemand Anders"
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    with pytest.raises(InvalidSignature):
        verify_vc_jwt(f"{head}.{forged}.{signature}")


def test_the_did_document_is_served_at_the_well_known_address(site_url, certificate):
    credential_issue(certificate=certificate)
    body, content_type = http_get(site_url + "/.well-known/did.json")
    document = json.loads(body)
    assert content_type == "application/did+json"
    methods = document["verificationMethod"]
    assert [m["id"].rpartition("#")[2] for m in methods] == ["ed25519-1", "key-1", "es256-1"]
    assert document["assertionMethod"] == [m["id"] for m in methods]
    assert methods[0]["type"] == "Multikey"
    assert methods[0]["publicKeyMultibase"].startswith("z6Mk")  # Ed25519, base58btc
    for method in methods[1:]:
        assert "d" not in method["publicKeyJwk"]  # no private part
