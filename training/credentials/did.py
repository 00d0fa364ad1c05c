"""The site's `did:web` identifier and its DID document.

did:web (W3C CCG did:web method): the host of BASE_URL, with a port encoded
as `%3A`; the document is served at `/.well-known/did.json`.

Every key the site ever signed with stays in the document, under
`assertionMethod`, so whatever it signed keeps verifying after a rotation:

- `#ed25519-<n>`: Ed25519 key n as a `Multikey` (`publicKeyMultibase` z6Mk…),
  the verification method of the Data Integrity proofs (`eddsa-rdfc-2022`);
- `#key-<n>`: the same Ed25519 key as a JWK, named by the `kid` of the EdDSA
  VC-JWTs issued before the JWTs moved to ES256;
- `#es256-<n>`: P-256 key n as a JWK, named by the `kid` of the ES256 VC-JWTs.
"""

from __future__ import annotations

import base64
from urllib.parse import quote, urlsplit

import base58
from cryptography.hazmat.primitives import serialization

from training.mail import base_url

from .keys import ED25519, ES256, PublicKey, public_keys

DID_CONTEXT = "https://www.w3.org/ns/did/v1"
MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1"
JWS_2020_CONTEXT = "https://w3id.org/security/suites/jws-2020/v1"
# The multicodec prefix of an Ed25519 public key (0xed, as an unsigned varint).
ED25519_MULTICODEC = b"\xed\x01"


def issuer_did() -> str:
    parts = urlsplit(base_url())
    host = parts.hostname or "localhost"
    if parts.port:
        host = f"{host}%3A{parts.port}"
    path = [quote(segment, safe="") for segment in parts.path.split("/") if segment]
    return ":".join(["did:web", host, *path])


def key_id(number: int) -> str:
    """The DID URL of Ed25519 key `number` as a JWK: the `kid` of an older EdDSA JWT."""
    return f"{issuer_did()}#key-{number}"


def multikey_id(number: int) -> str:
    """The DID URL of Ed25519 key `number` as a Multikey: a Data Integrity proof's method."""
    return f"{issuer_did()}#ed25519-{number}"


def es256_key_id(number: int) -> str:
    """The DID URL of P-256 key `number`: the `kid` of an ES256 VC-JWT."""
    return f"{issuer_did()}#es256-{number}"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _ed25519_raw(key: PublicKey) -> bytes:
    return key.key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_multibase(key: PublicKey) -> str:
    """Multikey: base58btc (`z`) of the multicodec-prefixed raw public key."""
    return "z" + base58.b58encode(ED25519_MULTICODEC + _ed25519_raw(key)).decode("ascii")


def _ed25519_jwk(key: PublicKey) -> dict:
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64url(_ed25519_raw(key))}


def _p256_jwk(key: PublicKey) -> dict:
    numbers = key.key.public_numbers()
    return {
        "kty": "EC",
        "crv": "P-256",
        "x": _b64url(numbers.x.to_bytes(32, "big")),
        "y": _b64url(numbers.y.to_bytes(32, "big")),
    }


def did_document() -> dict:
    """Every key the site ever signed with, oldest first; the newest of each kind signs now."""
    did = issuer_did()
    methods = []
    for key in public_keys(ED25519):
        methods.append(
            {
                "id": multikey_id(key.number),
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": public_key_multibase(key),
            }
        )
        methods.append(
            {
                "id": key_id(key.number),
                "type": "JsonWebKey2020",
                "controller": did,
                "publicKeyJwk": _ed25519_jwk(key),
            }
        )
    for key in public_keys(ES256):
        methods.append(
            {
                "id": es256_key_id(key.number),
                "type": "JsonWebKey2020",
                "controller": did,
                "publicKeyJwk": _p256_jwk(key),
            }
        )
    ids = [method["id"] for method in methods]
    return {
        "@context": [DID_CONTEXT, MULTIKEY_CONTEXT, JWS_2020_CONTEXT],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
    }
