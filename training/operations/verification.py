"""Checks that a credential verifies against this site's DID document (after a restore).

What a relying party does (README "Verifying a certificate by machine", step 2),
with joserfc, the JOSE library that signs them: the `kid` of the JWT header
names a verification method of the DID document listed under
`assertionMethod`; its `publicKeyJwk` must verify the signature with the
header's algorithm. Whatever kind of key the site has (Ed25519 today, others
later), the JWK says it.
"""

from __future__ import annotations

import base64
import json
import warnings

from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import JWKRegistry

from training.credentials.did import did_document
from training.credentials.signing import vc_jwt_payload


def _header(token: str) -> dict:
    part = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def credential_verify(token: str, *, document: dict | None = None) -> bool:
    """True when `token` (a compact VC-JWT) is signed by a key of the DID document."""
    document = document or did_document()
    try:
        header = _header(token)
        kid = header["kid"]
        if kid not in document["assertionMethod"]:
            return False
        (method,) = [m for m in document["verificationMethod"] if m["id"] == kid]
        key = JWKRegistry.import_key(method["publicKeyJwk"])
        issuer = vc_jwt_payload(token)["issuer"]
        issuer_id = issuer["id"] if isinstance(issuer, dict) else issuer
        if issuer_id != document["id"]:
            return False
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="EdDSA is deprecated")
            jws.deserialize_compact(token, key, algorithms=[header["alg"]])
    except (JoseError, KeyError, ValueError, TypeError):
        return False
    return True
