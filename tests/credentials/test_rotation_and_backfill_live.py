"""Key rotation for both mechanisms, and a credential issued before this change: the
backfill re-issues it in both forms, and the old EdDSA JWT keeps verifying and keeps
following the revocation. Checked against the live server by the third-party verifiers
(and the old JWT by our independent verifier, which the old format was checked with)."""

import json
import uuid
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import CertificateFactory
from training.certificates.actions import CertificateRevokeAction
from training.credentials.did import issuer_did
from training.credentials.documents import status_list_url
from training.credentials.models import Credential, CredentialFormat, StatusList, StatusPurpose
from training.credentials.services import credential_issue
from training.credentials.signing import legacy_eddsa_jwt_sign

from .third_party import verify_at_now
from .verifier import b64url_decode, http_get, status_bit, verify_vc_jwt

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site_url(site_url_at_now):
    return site_url_at_now


_verify = verify_at_now


def _credential_issued_before_this_change(certificate) -> Credential:
    """What the site issued before: an EdDSA VC-JWT (typ vc+jwt, cty vc), two contexts,
    one revocation entry, the holder's name as a plain identifier, no Data Integrity."""
    status_list = StatusList.objects.create(number=1, purpose=StatusPurpose.REVOCATION)
    StatusList.objects.filter(pk=status_list.pk).update(next_index=1)
    credential_uuid = uuid.uuid4()
    url = status_list_url(1)
    document = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": f"urn:uuid:{credential_uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_did(), "type": ["Profile"], "name": "Lotgenoot Academie"},
        "validFrom": "2026-03-01T23:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": certificate.holder_name,
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": certificate.holder_name,
                    "identityType": "name",
                    "hashed": False,
                }
            ],
        },
        "credentialStatus": {
            "id": f"{url}#0",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "0",
            "statusListCredential": url,
        },
    }
    token, kid = legacy_eddsa_jwt_sign(document)
    return Credential.objects.create(
        certificate=certificate,
        uuid=credential_uuid,
        status_list=status_list,
        status_index=0,
        jwt=token,
        key_id=kid,
        format=CredentialFormat.EDDSA_JWT,
    )


def _old_jwt_revocation_bit(token) -> int:
    entry = json.loads(b64url_decode(token.split(".")[1]))["credentialStatus"]
    body, _content_type = http_get(entry["statusListCredential"])  # no Accept: the JWT form
    _header, status_list = verify_vc_jwt(body.strip())
    return status_bit(status_list, int(entry["statusListIndex"]))


def test_rotation_and_backfill_keep_every_older_credential_verifying(site_url, tmp_path):
    old = _credential_issued_before_this_change(CertificateFactory(holder_name="Ans Vermeer"))
    old_jwt = old.jwt
    header, _payload = verify_vc_jwt(old_jwt)
    assert (header["alg"], header["typ"], header["kid"].rpartition("#")[2]) == (
        "EdDSA",
        "vc+jwt",
        "key-1",
    )

    issued_before_rotation = credential_issue(certificate=CertificateFactory())
    call_command("credentials_rotate_key", stdout=StringIO())  # both kinds

    out = StringIO()
    call_command("credentials_backfill", stdout=out)
    assert "Credentials issued: 0. Re-issued in the current forms: 1." in out.getvalue()
    old.refresh_from_db()
    assert old.format == CredentialFormat.DATA_INTEGRITY_AND_ES256_JWT
    assert old.jwt != old_jwt and old.key_id.endswith("#es256-2")
    assert old.proof_method.endswith("#ed25519-2")
    assert old.document["id"] == f"urn:uuid:{old.uuid}"  # the same credential, re-secured
    revocation = old.document["credentialStatus"]
    # The revocation entry of the old JWT, kept; a suspension bit allocated beside it.
    assert (revocation["statusPurpose"], revocation["statusListIndex"]) == ("revocation", "0")
    assert revocation["statusListCredential"].endswith("/credentials/status/1")
    assert old.suspension_list is not None

    code = old.certificate.display_code
    result = _verify("di", f"{site_url}/credentials/{code}.json", site_url)
    assert result["verified"], result
    assert _verify("jwt", f"{site_url}/credentials/{code}.jwt", site_url)["verified"]

    # Signed with the first keys, verifying after the rotation: both mechanisms.
    before = issued_before_rotation.certificate.display_code
    result = _verify("di", f"{site_url}/credentials/{before}.json", site_url)
    assert result["verified"] and result["verification_method"].endswith("#ed25519-1"), result
    result = _verify("jwt", f"{site_url}/credentials/{before}.jwt", site_url)
    assert result["verified"] and result["header"]["kid"].endswith("#es256-1")

    # The old EdDSA JWT still verifies (its key-1 JWK stays in the DID document) and
    # still follows the certificate's revocation.
    verify_vc_jwt(old_jwt)
    assert _old_jwt_revocation_bit(old_jwt) == 0
    certificate = old.certificate
    trainer = certificate.cohort.trainers.get()
    CertificateRevokeAction(certificate, user=trainer, reason="Fout uitgegeven").execute()
    assert _old_jwt_revocation_bit(old_jwt) == 1
    assert _verify("di", f"{site_url}/credentials/{code}.json", site_url)["status"] == {
        "revocation": True
    }
