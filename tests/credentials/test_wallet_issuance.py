"""Issue 21, "getting it into a wallet": a scripted wallet app picks the credential up
with OpenID4VCI 1.0 (pre-authorised code) from the live server, and ends holding a
credential that verifies against the issuer's DID document and names the wallet's DID.
Every misuse gets the spec's JSON error, never a 500."""

import datetime
import re
import urllib.parse

import pytest
import time_machine

from tests.factories import CertificateFactory
from training.credentials.models import WalletNonce, WalletOffer
from training.credentials.services import credential_issue

from .verifier import b64url_decode, ob3_schema_errors, verify_vc_jwt
from .wallet_client import PRE_AUTHORIZED, Wallet

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MORNING = datetime.datetime(2026, 6, 15, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def site_url(live_server, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = 1000
    return live_server.url


@pytest.fixture
def credential(clock, site_url):
    certificate = CertificateFactory(holder_name="Fatima el Amrani")
    return credential_issue(certificate=certificate)


def _offer_link(client, credential) -> str:
    """What the holder's phone shows after "Show the code for my wallet app"."""
    client.force_login(credential.certificate.learner)
    response = client.post(f"/mijn/certificaten/{credential.certificate_id}/wallet/")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("no-store")
    (link,) = set(re.findall(r'href="(openid-credential-offer://[^"]+)"', response.text))
    assert 'src="data:image/svg+xml' in response.text  # the QR code of the same link
    return link


@pytest.mark.parametrize("kind", ["did:key", "jwk"])
def test_a_wallet_picks_up_a_credential_that_verifies_and_names_its_did(
    client, credential, site_url, kind
):
    wallet = Wallet(kind=kind)

    token, offer = wallet.pick_up(_offer_link(client, credential))

    header, payload = verify_vc_jwt(token)
    assert offer["credential_issuer"] == site_url
    holder = payload["credentialSubject"]["id"]
    if kind == "did:key":
        assert holder == wallet.did
        assert holder.startswith("did:key:z6Mk")  # an Ed25519 did:key
    else:
        assert holder.startswith("did:jwk:")
        jwk = __import__("json").loads(b64url_decode(holder.removeprefix("did:jwk:")))
        assert jwk["x"] == wallet.key.as_dict(private=False)["x"]
    assert payload["id"] == credential.urn
    assert payload["credentialStatus"]["statusListIndex"] == str(credential.status_index)
    assert payload["credentialSubject"]["name"] == "Fatima el Amrani"
    assert ob3_schema_errors(payload) == []
    assert header["kid"].startswith(payload["issuer"]["id"])
    # The stored credential is re-issued to the same DID (same id and status entries),
    # so the downloads name the holder's wallet too.
    credential.refresh_from_db()
    assert verify_vc_jwt(credential.jwt)[1]["credentialSubject"]["id"] == holder
    assert verify_vc_jwt(credential.jwt)[1]["sub"] == holder


def _started(client, credential):
    """A wallet that has scanned the offer and read the metadata."""
    wallet = Wallet()
    offer = wallet.read_offer_link(_offer_link(client, credential))
    metadata, oauth = wallet.metadata(offer["credential_issuer"])
    return wallet, offer, metadata, oauth


def test_the_pre_authorized_code_works_once(client, credential):
    wallet, offer, _metadata, oauth = _started(client, credential)
    code = offer["grants"][PRE_AUTHORIZED]["pre-authorized_code"]

    first = wallet.token(oauth, code)
    again = wallet.token(oauth, code)

    assert first.status_code == 200
    assert first.json()["token_type"] == "Bearer"
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"
    assert again.headers["Cache-Control"].startswith("no-store")


def test_a_redeemed_offer_can_no_longer_be_read(client, credential):
    wallet = Wallet()
    link = _offer_link(client, credential)
    offer = wallet.read_offer_link(link)
    _metadata, oauth = wallet.metadata(offer["credential_issuer"])
    wallet.token(oauth, offer["grants"][PRE_AUTHORIZED]["pre-authorized_code"])

    (uri,) = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["credential_offer_uri"]
    response = wallet.http.get(uri, timeout=10)

    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_an_expired_code_is_refused(client, credential, clock):
    wallet, offer, _metadata, oauth = _started(client, credential)

    clock.shift(datetime.timedelta(minutes=10, seconds=1))
    response = wallet.token(oauth, offer["grants"][PRE_AUTHORIZED]["pre-authorized_code"])

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


def test_a_made_up_code_and_a_wrong_grant_type_are_refused(client, credential):
    wallet, _offer, _metadata, oauth = _started(client, credential)

    made_up = wallet.token(oauth, "not-a-code")
    wrong_grant = wallet.http.post(
        oauth["token_endpoint"], data={"grant_type": "authorization_code", "code": "x"}, timeout=10
    )
    as_json = wallet.http.post(oauth["token_endpoint"], json={"grant_type": "x"}, timeout=10)

    assert (made_up.status_code, made_up.json()["error"]) == (400, "invalid_grant")
    assert (wrong_grant.status_code, wrong_grant.json()["error"]) == (400, "unsupported_grant_type")
    assert (as_json.status_code, as_json.json()["error"]) == (400, "invalid_request")


def _token(wallet, offer, oauth) -> str:
    response = wallet.token(oauth, offer["grants"][PRE_AUTHORIZED]["pre-authorized_code"])
    return response.json()["access_token"]


def test_a_wrong_proof_is_refused_and_the_wallet_may_try_again(client, credential):
    wallet, offer, metadata, oauth = _started(client, credential)
    access_token = _token(wallet, offer, oauth)
    issuer = offer["credential_issuer"]
    configuration = offer["credential_configuration_ids"][0]

    # Signed by another key than the one it names.
    impostor = Wallet()
    forged = impostor.proof(audience=issuer, nonce=wallet.nonce(metadata))
    header, payload, signature = forged.split(".")
    honest_header = wallet.proof(audience=issuer, nonce="x").split(".")[0]
    wrong_key = wallet.credential(
        metadata, access_token, f"{honest_header}.{payload}.{signature}", configuration
    )
    wrong_audience = wallet.credential(
        metadata,
        access_token,
        wallet.proof(audience="https://elsewhere.example", nonce=wallet.nonce(metadata)),
        configuration,
    )
    stale = wallet.credential(
        metadata,
        access_token,
        wallet.proof(audience=issuer, nonce=wallet.nonce(metadata), iat=MORNING.timestamp() - 600),
        configuration,
    )
    not_a_jwt = wallet.credential(metadata, access_token, "garbage", configuration)
    unknown = wallet.credential(
        metadata, access_token, wallet.proof(audience=issuer, nonce=wallet.nonce(metadata)), "X"
    )

    for response in (wrong_key, wrong_audience, stale, not_a_jwt):
        assert (response.status_code, response.json()["error"]) == (400, "invalid_proof")
    assert (unknown.status_code, unknown.json()["error"]) == (
        400,
        "unknown_credential_configuration",
    )
    ok = wallet.credential(
        metadata,
        access_token,
        wallet.proof(audience=issuer, nonce=wallet.nonce(metadata)),
        configuration,
    )
    assert ok.status_code == 200, ok.text


def test_a_wrong_or_reused_nonce_is_refused(client, credential):
    wallet, offer, metadata, oauth = _started(client, credential)
    access_token = _token(wallet, offer, oauth)
    issuer = offer["credential_issuer"]
    configuration = offer["credential_configuration_ids"][0]

    made_up = wallet.credential(
        metadata, access_token, wallet.proof(audience=issuer, nonce="made-up"), configuration
    )
    missing = wallet.credential(
        metadata, access_token, wallet.proof(audience=issuer, nonce=""), configuration
    )
    nonce = wallet.nonce(metadata)
    WalletNonce.objects.update(used_at=MORNING)  # used by an earlier request
    reused = wallet.credential(
        metadata, access_token, wallet.proof(audience=issuer, nonce=nonce), configuration
    )

    for response in (made_up, missing, reused):
        assert (response.status_code, response.json()["error"]) == (400, "invalid_nonce")


def test_the_access_token_gives_one_credential(client, credential):
    wallet, offer, metadata, oauth = _started(client, credential)
    access_token = _token(wallet, offer, oauth)
    issuer = offer["credential_issuer"]
    configuration = offer["credential_configuration_ids"][0]

    def ask():
        proof = wallet.proof(audience=issuer, nonce=wallet.nonce(metadata))
        return wallet.credential(metadata, access_token, proof, configuration)

    first, second = ask(), ask()
    no_token = wallet.http.post(metadata["credential_endpoint"], json={}, timeout=10)

    assert first.status_code == 200
    assert second.status_code == 401
    assert second.json()["error"] == "invalid_token"
    assert second.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert no_token.status_code == 401
    assert WalletOffer.objects.get().delivered_at is not None


def test_bad_request_bodies_get_json_errors(client, credential):
    wallet, offer, metadata, oauth = _started(client, credential)
    access_token = _token(wallet, offer, oauth)
    endpoint = metadata["credential_endpoint"]
    auth = {"Authorization": f"Bearer {access_token}"}

    answers = [
        wallet.http.post(endpoint, data=b"{not json", headers=auth, timeout=10),
        wallet.http.post(endpoint, data=b"\xff\xfe", headers=auth, timeout=10),
        wallet.http.post(endpoint, json=[1, 2], headers=auth, timeout=10),
        wallet.http.post(endpoint, json={"proofs": {"jwt": "x"}}, headers=auth, timeout=10),
        wallet.http.post(
            endpoint,
            json={"credential_configuration_id": offer["credential_configuration_ids"][0]},
            headers=auth,
            timeout=10,
        ),
    ]

    assert [a.status_code for a in answers] == [400] * 5
    assert [a.json()["error"] for a in answers] == [
        "invalid_credential_request",
        "invalid_credential_request",
        "invalid_credential_request",
        "invalid_credential_request",
        "invalid_proof",
    ]


def test_the_metadata_describes_the_flow(client, credential, site_url):
    wallet = Wallet()
    metadata, oauth = wallet.metadata(site_url)

    assert metadata["credential_endpoint"] == site_url + "/oid4vci/credential"
    assert metadata["nonce_endpoint"] == site_url + "/oid4vci/nonce"
    configurations = metadata["credential_configurations_supported"]
    assert {c["format"] for c in configurations.values()} == {"jwt_vc_json-ld", "ldp_vc"}
    for configuration in configurations.values():
        assert "OpenBadgeCredential" in configuration["credential_definition"]["type"]
    assert oauth["issuer"] == site_url
    assert oauth["pre-authorized_grant_anonymous_access_supported"] is True
