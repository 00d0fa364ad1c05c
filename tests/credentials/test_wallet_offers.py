"""Wallet offers on the server side, without a live server: who may make one, the
optional transaction code, rate limits, and that no secret is stored in the clear."""

import datetime
import urllib.parse

import pytest
import time_machine
from django.core.cache import cache

from tests.factories import CertificateFactory, UserFactory
from training.certificates.services.revocation import certificate_revoke
from training.credentials.models import WalletOffer
from training.credentials.services import credential_issue
from training.credentials.wallet import wallet_offer_create, wallet_offer_document

pytestmark = pytest.mark.django_db

PRE = "urn:ietf:params:oauth:grant-type:pre-authorized_code"


@pytest.fixture(autouse=True)
def _clock_and_cache():
    cache.clear()
    with time_machine.travel(
        datetime.datetime(2026, 6, 15, 9, 30, tzinfo=datetime.UTC), tick=False
    ):
        yield
    cache.clear()


@pytest.fixture
def credential():
    return credential_issue(certificate=CertificateFactory(holder_name="Noor de Vries"))


def _wallet_url(credential):
    return f"/mijn/certificaten/{credential.certificate_id}/wallet/"


def _offer_id(new) -> str:
    uri = urllib.parse.parse_qs(urllib.parse.urlsplit(new.deep_link).query)["credential_offer_uri"][
        0
    ]
    return uri.rsplit("/", 1)[1]


def test_only_the_holder_gets_an_offer(client, credential):
    assert client.get(_wallet_url(credential)).status_code == 302  # sign in first
    client.force_login(UserFactory())
    assert client.get(_wallet_url(credential)).status_code == 404
    assert client.post(_wallet_url(credential)).status_code == 404
    assert not WalletOffer.objects.exists()
    client.force_login(credential.certificate.learner)
    assert client.post(_wallet_url(credential)).status_code == 200
    assert WalletOffer.objects.count() == 1


def test_a_revoked_certificate_is_not_offered(client, credential):
    certificate_revoke(certificate=credential.certificate, user=UserFactory(), reason="Onderzoek")
    client.force_login(credential.certificate.learner)

    response = client.post(_wallet_url(credential))

    assert "openid-credential-offer://" not in response.content.decode()
    assert not WalletOffer.objects.exists()


def test_secrets_are_stored_as_hashes_only(credential):
    new = wallet_offer_create(certificate=credential.certificate, with_tx_code=True)
    document = wallet_offer_document(offer_id=_offer_id(new))
    code = document["grants"][PRE]["pre-authorized_code"]

    row = WalletOffer.objects.values().get()
    stored = " ".join(str(value) for value in row.values())
    assert _offer_id(new) not in stored and code not in stored and new.tx_code not in stored
    assert len(row["offer_hash"]) == len(row["code_hash"]) == 64


def _token(client, code, tx_code=None):
    form = {"grant_type": PRE, "pre-authorized_code": code}
    if tx_code is not None:
        form["tx_code"] = tx_code
    return client.post(
        "/oid4vci/token",
        urllib.parse.urlencode(form),
        content_type="application/x-www-form-urlencoded",
    )


def test_the_transaction_code_is_asked_for_and_has_three_tries(client, credential):
    new = wallet_offer_create(certificate=credential.certificate, with_tx_code=True)
    document = wallet_offer_document(offer_id=_offer_id(new))
    grant = document["grants"][PRE]
    assert grant["tx_code"] == {
        "input_mode": "numeric",
        "length": 6,
        "description": grant["tx_code"]["description"],
    }
    code = grant["pre-authorized_code"]
    wrong = "000000" if new.tx_code != "000000" else "111111"

    missing = _token(client, code)
    answers = [_token(client, code, wrong) for _ in range(3)]
    right_but_too_late = _token(client, code, new.tx_code)

    assert missing.json()["error"] == "invalid_request"
    assert [a.json()["error"] for a in answers] == ["invalid_grant"] * 3
    assert right_but_too_late.status_code == 400


def test_the_right_transaction_code_gives_a_token(client, credential):
    new = wallet_offer_create(certificate=credential.certificate, with_tx_code=True)
    code = wallet_offer_document(offer_id=_offer_id(new))["grants"][PRE]["pre-authorized_code"]

    response = _token(client, code, new.tx_code)

    assert response.status_code == 200
    assert response.json()["token_type"] == "Bearer"
    assert response["Cache-Control"].startswith("no-store")


def test_the_endpoints_are_rate_limited_with_a_json_answer(client, settings, credential):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = 2
    answers = [client.post("/oid4vci/nonce") for _ in range(3)]

    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[-1].json()["error"] == "slow_down"
    assert answers[-1]["Retry-After"] == "60"


def test_wrong_methods_and_unknown_offers_never_give_a_500(client):
    assert client.get("/oid4vci/token").status_code == 405
    assert client.get("/oid4vci/credential").status_code == 405
    missing = client.get("/oid4vci/offers/" + "x" * 500)
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    no_auth = client.post("/oid4vci/credential", "{}", content_type="application/json")
    assert no_auth.status_code == 401
    assert no_auth.json()["error"] == "invalid_token"


def test_the_wallet_can_ask_for_the_data_integrity_form(client, credential):
    """`ldp_vc` is offered and answered with the Data Integrity form, bound to the wallet."""
    from .wallet_client import Wallet

    new = wallet_offer_create(certificate=credential.certificate)
    offer = wallet_offer_document(offer_id=_offer_id(new))
    assert offer["credential_configuration_ids"] == [
        "OpenBadgeCredential_jwt",
        "OpenBadgeCredential_ldp",
    ]
    metadata = client.get("/.well-known/openid-credential-issuer").json()
    assert (
        metadata["credential_configurations_supported"]["OpenBadgeCredential_ldp"]["format"]
        == "ldp_vc"
    )
    access_token = _token(client, offer["grants"][PRE]["pre-authorized_code"]).json()[
        "access_token"
    ]
    holder = Wallet()
    nonce = client.post("/oid4vci/nonce").json()["c_nonce"]

    response = client.post(
        "/oid4vci/credential",
        {
            "credential_configuration_id": "OpenBadgeCredential_ldp",
            "proofs": {"jwt": [holder.proof(audience="http://testserver", nonce=nonce)]},
        },
        content_type="application/json",
        headers={"Authorization": f"Bearer {access_token}"},
    )

    assert response.status_code == 200, response.content
    (issued,) = response.json()["credentials"]
    document = issued["credential"]
    assert document["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"
    assert document["credentialSubject"]["id"] == holder.did
