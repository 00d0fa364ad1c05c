"""OpenID for Verifiable Credential Issuance 1.0 (OID4VCI), the parts we speak.

Pre-authorised code flow only: the holder, signed in on "Mijn certificaten",
asks for an offer; the wallet app scans it (`openid-credential-offer://` with a
`credential_offer_uri`), swaps the pre-authorised code for an access token at
the token endpoint (RFC 6749 with the grant type
`urn:ietf:params:oauth:grant-type:pre-authorized_code`), fetches a `c_nonce`
from the nonce endpoint, and sends the credential endpoint a key proof
(`openid4vci-proof+jwt`, the key as a `did:key`/`did:jwk` `kid` or a `jwk`
header) over that nonce. The credential it gets names the proven key's DID as
`credentialSubject.id`. The site is its own authorisation server.

This module holds what needs no database: the metadata documents, the error
type the endpoints answer with, and the proof check. The writes are in
`wallet.py`, the HTTP in `wallet_views.py`.
"""

from __future__ import annotations

import base64
import json
import time
import warnings
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, OKPKey

from . import securing
from .did import base_url
from .documents import OB_CONTEXT, VC_CONTEXT

PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
PROOF_TYPE = "openid4vci-proof+jwt"
OFFER_SCHEME = "openid-credential-offer://"

# The credential configurations (OID4VCI 1.0 Appendix A.1): the VC-JWT, and the
# Data Integrity form once `securing.credential_secure` makes one.
CONFIGURATION_JWT = "OpenBadgeCredential_jwt"
CONFIGURATION_LDP = "OpenBadgeCredential_ldp"

# ES256 (P-256) is what most wallets hold; EdDSA/Ed25519 what the DCC wallets hold.
PROOF_ALGORITHMS = ("ES256", "EdDSA", "Ed25519")
PROOF_MAX_AGE = 300  # seconds a proof's `iat` may lie in the past
PROOF_MAX_SKEW = 60  # and in the future (clocks differ)


class OidError(Exception):
    """An error answer of an OID4VCI or OAuth endpoint: `{"error": code, ...}`."""

    def __init__(self, error: str, description: str = "", *, status: int = 400):
        super().__init__(error)
        self.error = error
        self.description = description
        self.status = status

    def body(self) -> dict:
        body = {"error": self.error}
        if self.description:
            body["error_description"] = self.description
        return body


def credential_issuer() -> str:
    """The Credential Issuer Identifier: the site's base URL (also the proof's `aud`)."""
    return base_url()


def _url(name: str, *args) -> str:
    return base_url() + reverse(name, args=args)


def configurations() -> dict[str, dict]:
    """`credential_configurations_supported` of the issuer metadata."""
    definition = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
    }
    display = [
        {
            "name": "Certificaat gespreksbegeleider",
            "locale": "nl",
            "logo": {"uri": base_url() + static("img/logo.svg"), "alt_text": "Logo"},
        },
        {"name": "Peer-support facilitator certificate", "locale": "en"},
    ]
    common = {
        "cryptographic_binding_methods_supported": ["did:key", "did:jwk", "jwk"],
        "proof_types_supported": {
            "jwt": {"proof_signing_alg_values_supported": list(PROOF_ALGORITHMS)}
        },
        "credential_definition": definition,
        "credential_metadata": {"display": display},
        # Drafts before 1.0 (still spoken by some wallets) read `display` here.
        "display": display,
    }
    supported = {
        CONFIGURATION_JWT: {
            "format": "jwt_vc_json-ld",
            "credential_signing_alg_values_supported": [securing.JWT_ALGORITHM],
            **common,
        }
    }
    if securing.DATA_INTEGRITY_AVAILABLE:
        supported[CONFIGURATION_LDP] = {
            "format": "ldp_vc",
            "credential_signing_alg_values_supported": ["eddsa-rdfc-2022"],
            **common,
        }
    return supported


def issuer_metadata() -> dict:
    """`/.well-known/openid-credential-issuer` (OID4VCI 1.0 §12.2)."""
    return {
        "credential_issuer": credential_issuer(),
        "credential_endpoint": _url("credentials:oid4vci_credential"),
        "nonce_endpoint": _url("credentials:oid4vci_nonce"),
        "display": [
            {"name": settings.WAGTAIL_SITE_NAME, "locale": "nl"},
            {"name": settings.WAGTAIL_SITE_NAME, "locale": "en"},
        ],
        "credential_configurations_supported": configurations(),
    }


def authorization_server_metadata() -> dict:
    """`/.well-known/oauth-authorization-server` (RFC 8414): the site issues the tokens."""
    return {
        "issuer": credential_issuer(),
        "token_endpoint": _url("credentials:oid4vci_token"),
        "grant_types_supported": [PRE_AUTHORIZED_GRANT],
        "pre-authorized_grant_anonymous_access_supported": True,
        "response_types_supported": [],
    }


# -- the holder's key --------------------------------------------------------------

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_PUB = b"\xed\x01"  # multicodec ed25519-pub
_P256_PUB = b"\x80\x24"  # multicodec p256-pub (compressed point)


def _base58_decode(text: str) -> bytes:
    number = 0
    for char in text:
        digit = _BASE58.find(char)
        if digit < 0:
            raise ValueError("not base58btc")
        number = number * 58 + digit
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\x00" * (len(text) - len(text.lstrip("1"))) + body


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _did_key_jwk(did: str) -> dict:
    """The public JWK of a `did:key` (W3C CCG did:key: Ed25519 or P-256)."""
    identifier = did.removeprefix("did:key:")
    if not identifier.startswith("z"):
        raise ValueError("did:key must be base58btc multibase")
    raw = _base58_decode(identifier[1:])
    if raw.startswith(_ED25519_PUB) and len(raw) == 34:
        key = Ed25519PublicKey.from_public_bytes(raw[2:])
        return OKPKey.import_key(key).as_dict(private=False)
    if raw.startswith(_P256_PUB) and len(raw) == 35:
        key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw[2:])
        return ECKey.import_key(key).as_dict(private=False)
    raise ValueError("unsupported did:key type")


def did_jwk(jwk: dict) -> str:
    """`did:jwk` of a public JWK (the members a public key needs, in a stable order)."""
    members = ("crv", "kty", "x", "y")
    public = {name: jwk[name] for name in members if name in jwk}
    return "did:jwk:" + _b64url(json.dumps(public, separators=(",", ":")).encode("utf-8"))


def _resolve_kid(kid: str) -> tuple[str, dict]:
    """(holder DID, public JWK) of a `kid` naming a did:key or did:jwk verification method."""
    did = kid.partition("#")[0]
    if did.startswith("did:key:"):
        return did, _did_key_jwk(did)
    if did.startswith("did:jwk:"):
        jwk = json.loads(_b64url_decode(did.removeprefix("did:jwk:")))
        if not isinstance(jwk, dict) or "d" in jwk:
            raise ValueError("did:jwk must hold a public key")
        return did, jwk
    raise ValueError("unsupported DID method")


@dataclass(frozen=True)
class ProvenKey:
    holder_did: str
    nonce: str


def proof_verify(proof: object, *, now: float | None = None) -> ProvenKey:
    """Check a key proof JWT (OID4VCI 1.0 Appendix F.1) up to its nonce.

    Returns the holder's DID and the nonce it signed; the caller checks the
    nonce is one we gave out and unused. Raises `OidError("invalid_proof")`.
    """
    if not isinstance(proof, str) or proof.count(".") != 2 or len(proof) > 8000:
        raise OidError("invalid_proof", "The proof must be a compact JWT.")
    try:
        header = json.loads(_b64url_decode(proof.split(".")[0]))
    except (ValueError, UnicodeDecodeError) as error:
        raise OidError("invalid_proof", "The proof's header is not JSON.") from error
    if not isinstance(header, dict) or header.get("typ") != PROOF_TYPE:
        raise OidError("invalid_proof", f"The proof's typ must be {PROOF_TYPE}.")
    algorithm = header.get("alg")
    if algorithm not in PROOF_ALGORITHMS:
        raise OidError("invalid_proof", "The proof's alg is not supported.")
    if sum(name in header for name in ("kid", "jwk", "x5c", "trust_chain")) != 1:
        raise OidError("invalid_proof", "The proof must name its key once: kid or jwk.")
    try:
        if "jwk" in header:
            jwk = header["jwk"]
            if not isinstance(jwk, dict) or "d" in jwk:
                raise ValueError("the jwk must be a public key")
            holder_did = did_jwk(jwk)
        elif isinstance(header.get("kid"), str):
            holder_did, jwk = _resolve_kid(header["kid"])
        else:
            raise ValueError("the key must be a did:key or did:jwk kid, or a jwk")
        key = (OKPKey if jwk.get("kty") == "OKP" else ECKey).import_key(jwk)
        with warnings.catch_warnings():
            # "EdDSA" is what wallets send (RFC 9864 prefers "Ed25519"; both are accepted).
            warnings.filterwarnings("ignore", message="EdDSA is deprecated")
            token = jwt.decode(proof, key, algorithms=[algorithm])
    except (JoseError, ValueError, KeyError, TypeError) as error:
        raise OidError("invalid_proof", "The proof's signature does not verify.") from error
    claims = token.claims
    audience = claims.get("aud")
    if audience != credential_issuer() and not (
        isinstance(audience, list) and audience == [credential_issuer()]
    ):
        raise OidError("invalid_proof", "The proof's aud must be this credential issuer.")
    issued_at = claims.get("iat")
    now = time.time() if now is None else now
    if not isinstance(issued_at, int | float) or not (
        now - PROOF_MAX_AGE <= issued_at <= now + PROOF_MAX_SKEW
    ):
        raise OidError("invalid_proof", "The proof's iat is missing or not recent.")
    nonce = claims.get("nonce")
    if not isinstance(nonce, str) or not nonce:
        raise OidError("invalid_nonce", "The proof must carry a c_nonce from the nonce endpoint.")
    return ProvenKey(holder_did=holder_did, nonce=nonce)
