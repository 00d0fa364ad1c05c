"""Key rotation: the newest key signs, and credentials signed before still verify."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import CertificateFactory
from training.credentials.services import credential_issue

from .verifier import verify_vc_jwt

pytestmark = pytest.mark.django_db


def _resolver(client):
    """Resolve did:web through the test client (the live-server test does it over HTTP)."""

    def resolve(did):
        response = client.get("/.well-known/did.json")
        assert response.status_code == 200
        document = json.loads(response.content)
        assert document["id"] == did
        return document

    return resolve


def test_a_credential_signed_before_a_rotation_still_verifies_after_it(client, credential_keys):
    before = credential_issue(certificate=CertificateFactory())
    call_command("credentials_rotate_key", stdout=StringIO())
    after = credential_issue(certificate=CertificateFactory())

    old_header, _payload = verify_vc_jwt(before.jwt, resolver=_resolver(client))
    new_header, _payload = verify_vc_jwt(after.jwt, resolver=_resolver(client))

    assert old_header["kid"] == "did:web:testserver#es256-1" == before.key_id
    assert new_header["kid"] == "did:web:testserver#es256-2" == after.key_id
    assert before.proof_method == "did:web:testserver#ed25519-1"
    assert after.proof_method == "did:web:testserver#ed25519-2"
    document = _resolver(client)("did:web:testserver")
    assert document["assertionMethod"] == [
        f"did:web:testserver#{fragment}"
        for fragment in ("ed25519-1", "key-1", "ed25519-2", "key-2", "es256-1", "es256-2")
    ]
    # The retired private keys are gone; their public halves stay published.
    assert sorted(p.name for p in credential_keys.iterdir()) == [
        "es256-key-1.public.pem",
        "es256-key-2.pem",
        "es256-key-2.public.pem",
        "key-1.public.pem",
        "key-2.pem",
        "key-2.public.pem",
    ]


def test_the_status_list_is_signed_by_the_newest_key(client):
    credential_issue(certificate=CertificateFactory())
    call_command("credentials_rotate_key", stdout=StringIO())
    response = client.get("/credentials/status/1")
    header, payload = verify_vc_jwt(response.content.decode(), resolver=_resolver(client))
    assert header["kid"].endswith("#es256-2")
    assert payload["id"] == "http://testserver/credentials/status/1"


def test_keygen_is_idempotent(credential_keys):
    call_command("credentials_keygen", stdout=StringIO())
    first = (credential_keys / "key-1.pem").read_bytes()
    first_es256 = (credential_keys / "es256-key-1.pem").read_bytes()
    call_command("credentials_keygen", stdout=StringIO())
    assert (credential_keys / "key-1.pem").read_bytes() == first
    assert (credential_keys / "es256-key-1.pem").read_bytes() == first_es256
    assert sorted(p.name for p in credential_keys.iterdir()) == [
        "es256-key-1.pem",
        "es256-key-1.public.pem",
        "key-1.pem",
        "key-1.public.pem",
    ]


def test_in_production_a_missing_key_is_an_error_not_a_new_identity(settings):
    from training.credentials.keys import NoSigningKey

    settings.CREDENTIALS_KEY_AUTOGENERATE = False
    with pytest.raises(NoSigningKey):
        credential_issue(certificate=CertificateFactory())
