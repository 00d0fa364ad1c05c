"""Verifiers nobody here wrote, against the live server: Digital Bazaar's Data Integrity
stack (@digitalbazaar/vc, eddsa-rdfc-2022, vc-bitstring-status-list), jsonld.js in safe
mode with the bundled contexts only, and jose for every OB 3.0 §8.2 JWT rule.

Each check is first shown to fail: a tampered credential, a missing context, a wrong
claim, a header §8.2 does not allow.
"""

import base64
import json

import pytest
from joserfc import jws
from joserfc.jwk import ECKey

from tests.factories import CertificateFactory
from training.certificates.actions import (
    CertificateRevokeAction,
    CertificateSuspendAction,
    CertificateUnsuspendAction,
)
from training.credentials.keys import ES256, signing_key
from training.credentials.services import credential_issue

from .third_party import verify_at_now
from .verifier import b64url_decode, ob3_schema_errors, status_bit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site_url(site_url_at_now):
    return site_url_at_now


_verify = verify_at_now


def _write(tmp_path, name, content) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def _suspension_bit(url: str, index: int, site_url: str) -> int:
    """The bit of a suspension status list credential whose proof the third-party stack
    verified (Data Integrity, fetched as JSON-LD)."""
    import urllib.request

    assert _verify("di", url, site_url)["proof_verified"]
    request = urllib.request.Request(url, headers={"Accept": "application/ld+json"})  # noqa: S310
    with urllib.request.urlopen(request) as response:  # noqa: S310 (the live test server)
        status_list = json.loads(response.read())
    assert status_list["credentialSubject"]["statusPurpose"] == "suspension"
    return status_bit(status_list, index)


def test_both_forms_verify_with_third_party_verifiers_and_follow_suspension_and_revocation(
    site_url, tmp_path
):
    certificate = CertificateFactory(holder_name="Fatima el Amrani")
    credential = credential_issue(certificate=certificate)
    code = certificate.display_code
    json_url = f"{site_url}/credentials/{code}.json"

    expanded = _verify("expand", json_url, site_url)
    assert expanded == {"verified": True, "expanded_nodes": 1}

    result = _verify("di", json_url, site_url)
    assert result["verified"] and result["proof_verified"], result
    assert result["cryptosuite"] == "eddsa-rdfc-2022"
    assert result["verification_method"].endswith("#ed25519-1")
    assert result["status"] == {"revocation": False}
    # The status list was fetched as JSON-LD and its own proof verified.
    status_fetches = [row for row in result["loaded"] if "/credentials/status/" in row["url"]]
    assert len(status_fetches) == 1
    assert all(row["contentType"].startswith("application/ld+json") for row in status_fetches)

    jwt = _verify("jwt", f"{site_url}/credentials/{code}.jwt", site_url)
    assert jwt["verified"], jwt["problems"]
    assert jwt["header"] == {"alg": "ES256", "kid": credential.key_id, "typ": "JWT"}

    payload = json.loads(b64url_decode(credential.jwt.split(".")[1]))
    assert ob3_schema_errors(credential.document) == []
    assert ob3_schema_errors(payload) == []
    assert {key: payload[key] for key in ("iss", "jti", "sub")} == {
        "iss": credential.document["issuer"]["id"],
        "jti": credential.document["id"],
        "sub": credential.document["credentialSubject"]["id"],
    }

    # A pause shows in the suspension status list (its own proof verified by the same
    # third-party stack), not in the credential's one status entry (OB 3.0: [0..1]).
    trainer = certificate.cohort.trainers.get()
    suspension_url = f"{site_url}/credentials/status/{credential.suspension_list.number}"
    CertificateSuspendAction(
        certificate, user=trainer, reason_class="investigation", reason="Melding van 1 maart"
    ).execute()
    assert _suspension_bit(suspension_url, credential.suspension_index, site_url) == 1
    assert _verify("di", json_url, site_url)["status"] == {"revocation": False}
    CertificateUnsuspendAction(certificate, user=trainer).execute()
    assert _suspension_bit(suspension_url, credential.suspension_index, site_url) == 0
    CertificateRevokeAction(certificate, user=trainer, reason="Fout uitgegeven").execute()
    assert _verify("di", json_url, site_url)["status"] == {"revocation": True}


def test_each_third_party_check_fails_on_a_bad_credential(site_url, tmp_path):
    credential = credential_issue(certificate=CertificateFactory(holder_name="Noor de Vries"))
    document = credential.document

    tampered = json.loads(json.dumps(document))
    tampered["credentialSubject"]["name"] = "Iemand Anders"
    result = _verify("di", _write(tmp_path, "tampered.json", tampered), site_url)
    assert not result["verified"] and not result["proof_verified"]

    # Without the OB extensions context, `1EdTechJsonSchemaValidator2019` is a relative
    # @type: safe mode stops there (the message of 1EdTech's validator issue #64).
    missing = {**document, "@context": document["@context"][:2]}
    result = _verify("expand", _write(tmp_path, "missing.json", missing), site_url)
    assert not result["verified"]
    assert (
        "relative @type" in result["error"] or "1EdTechJsonSchemaValidator2019" in (result["error"])
    )
    assert not _verify("di", _write(tmp_path, "missing-di.json", missing), site_url)["verified"]

    # A JWT whose payload was changed after signing.
    head, body, signature = credential.jwt.split(".")
    payload = json.loads(b64url_decode(body))
    payload["credentialSubject"]["name"] = "Iemand Anders"
    forged_body = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    result = _verify(
        "jwt", _write(tmp_path, "forged.jwt", f"{head}.{forged_body}.{signature}"), site_url
    )
    assert not result["verified"]
    assert any(problem.startswith("signature") for problem in result["problems"])

    # Validly signed with the site's own key, but breaking §8.2's rules.
    _number, pem = signing_key(ES256)
    key = ECKey.import_key(pem)
    kid = credential.key_id

    def signed(header, claims):
        data = json.dumps(claims).encode()
        return jws.serialize_compact(header, data, key, algorithms=["ES256"])

    original = json.loads(b64url_decode(body))
    wrong_sub = {**original, "sub": "did:example:someone-else"}
    result = _verify(
        "jwt",
        _write(tmp_path, "sub.jwt", signed({"alg": "ES256", "kid": kid, "typ": "JWT"}, wrong_sub)),
        site_url,
    )
    assert result["problems"] == [
        f"sub did:example:someone-else is not credentialSubject.id "
        f"{original['credentialSubject']['id']}"
    ]
    no_exp = {k: v for k, v in original.items() if k != "exp"}
    result = _verify(
        "jwt",
        _write(tmp_path, "exp.jwt", signed({"alg": "ES256", "kid": kid, "typ": "JWT"}, no_exp)),
        site_url,
    )
    assert result["problems"] == [f"exp undefined is not validUntil {original['validUntil']}"]
    with_cty = {"alg": "ES256", "kid": kid, "typ": "vc+jwt", "cty": "vc"}
    result = _verify("jwt", _write(tmp_path, "cty.jwt", signed(with_cty, original)), site_url)
    assert 'header "cty" is not allowed' in result["problems"]
    assert 'typ must be "JWT", not "vc+jwt"' in result["problems"]
