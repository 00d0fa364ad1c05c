"""The key proof check of the credential endpoint (OID4VCI 1.0 Appendix F.1), without HTTP:
P-256 and Ed25519 did:keys, and every header a forger might try."""

import datetime
import time

import pytest
import time_machine
from cryptography.hazmat.primitives import serialization
from joserfc import jwt
from joserfc.jwk import ECKey

from training.credentials.oid4vci import OidError, proof_verify

from .wallet_client import Wallet, base58btc

AUDIENCE = "http://testserver"


@pytest.fixture(autouse=True)
def _clock(settings):
    settings.WAGTAILADMIN_BASE_URL = AUDIENCE
    with time_machine.travel(
        datetime.datetime(2026, 6, 15, 9, 30, tzinfo=datetime.UTC), tick=False
    ):
        yield


def _p256_did_key(key: ECKey) -> str:
    point = key.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
    )
    return "did:key:z" + base58btc(b"\x80\x24" + point)  # multicodec p256-pub


def _sign(header, claims, key, alg):
    return jwt.encode(header, claims, key, algorithms=[alg])


def _claims(**extra):
    return {"aud": AUDIENCE, "iat": int(time.time()), "nonce": "n-1", **extra}


def test_a_p256_did_key_proof_names_that_did():
    key = ECKey.generate_key("P-256")
    did = _p256_did_key(key)
    header = {"alg": "ES256", "typ": "openid4vci-proof+jwt", "kid": f"{did}#{did[8:]}"}

    proven = proof_verify(_sign(header, _claims(), key, "ES256"))

    assert proven.holder_did == did and did.startswith("did:key:zDn")
    assert proven.nonce == "n-1"


def test_an_ed25519_did_key_proof_names_that_did():
    wallet = Wallet()
    assert proof_verify(wallet.proof(audience=AUDIENCE, nonce="n-2")).holder_did == wallet.did


@pytest.mark.parametrize(
    "change",
    ["wrong typ", "two keys", "private jwk", "unknown did method", "alg none", "future iat"],
)
def test_forged_or_sloppy_proofs_are_refused(change):
    key = ECKey.generate_key("P-256")
    public = key.as_dict(private=False)
    header = {"alg": "ES256", "typ": "openid4vci-proof+jwt", "jwk": public}
    claims = _claims()
    if change == "wrong typ":
        header["typ"] = "JWT"
    elif change == "two keys":
        header["kid"] = _p256_did_key(ECKey.generate_key("P-256"))
    elif change == "private jwk":
        header["jwk"] = key.as_dict(private=True)
    elif change == "unknown did method":
        del header["jwk"]
        header["kid"] = "did:web:evil.example#key-1"
    elif change == "future iat":
        claims["iat"] = int(time.time()) + 3600
    if change == "alg none":
        import base64
        import json

        def part(data):
            return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

        token = f"{part({**header, 'alg': 'none'})}.{part(claims)}."
    else:
        token = _sign(header, claims, key, "ES256")

    with pytest.raises(OidError) as error:
        proof_verify(token)
    assert error.value.error == "invalid_proof"
