"""VC-JWT (W3C VC-JOSE-COSE): the credential is the JWS payload, signed with EdDSA."""

from __future__ import annotations

import base64
import json
import warnings

from joserfc import jws
from joserfc.jwk import OKPKey

from .did import key_id
from .keys import signing_key

MEDIA_TYPE = "application/vc+jwt"


def vc_jwt_sign(payload: dict) -> tuple[str, str]:
    """The compact JWS of `payload`, and the DID URL of the key that signed it."""
    number, pem = signing_key()
    kid = key_id(number)
    header = {"alg": "EdDSA", "kid": kid, "typ": "vc+jwt", "cty": "vc"}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with warnings.catch_warnings():
        # RFC 9864 prefers the fully specified "Ed25519"; VC-JOSE-COSE verifiers
        # and wallets expect "EdDSA", which names the same Ed25519 signature.
        warnings.filterwarnings("ignore", message="EdDSA is deprecated")
        token = jws.serialize_compact(header, body, OKPKey.import_key(pem), algorithms=["EdDSA"])
    return token, kid


def vc_jwt_payload(token: str) -> dict:
    """The payload of a compact JWS, unverified (for display: verifiers check the signature)."""
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
