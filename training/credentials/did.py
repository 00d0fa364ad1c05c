"""The site's `did:web` identifier and its DID document.

did:web (W3C CCG did:web method): the host of BASE_URL, with a port encoded
as `%3A`; the document is served at `/.well-known/did.json`.
"""

from __future__ import annotations

import base64
from urllib.parse import quote, urlsplit

from cryptography.hazmat.primitives import serialization
from django.conf import settings

from .keys import PublicKey, public_keys


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def issuer_did() -> str:
    parts = urlsplit(base_url())
    host = parts.hostname or "localhost"
    if parts.port:
        host = f"{host}%3A{parts.port}"
    path = [quote(segment, safe="") for segment in parts.path.split("/") if segment]
    return ":".join(["did:web", host, *path])


def key_id(number: int) -> str:
    """The DID URL of key `number`: what a JWT's `kid` names."""
    return f"{issuer_did()}#key-{number}"


def _jwk(key: PublicKey) -> dict:
    raw = key.key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    x = base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")
    return {"kty": "OKP", "crv": "Ed25519", "x": x}


def did_document() -> dict:
    """Every key the site ever signed with, oldest first; the newest signs now."""
    did = issuer_did()
    methods = [
        {
            "id": f"{did}#{key.fragment}",
            "type": "JsonWebKey2020",
            "controller": did,
            "publicKeyJwk": _jwk(key),
        }
        for key in public_keys()
    ]
    ids = [method["id"] for method in methods]
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/suites/jws-2020/v1",
        ],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
    }
