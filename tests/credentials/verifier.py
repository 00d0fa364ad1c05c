"""An independent verifier: what an association's system would do.

It shares no code with training.credentials: it resolves did:web over HTTP,
checks the ES256 (or, for credentials issued before, Ed25519) signature with
`cryptography`, validates against the OB 3.0 JSON schema shipped in the
project, and reads a Bitstring Status List bit. The verifiers written by
others (Digital Bazaar's stack, jose, jsonld.js) are in `node/verify.mjs`.
"""

import base64
import gzip
import json
import urllib.parse
import urllib.request
from pathlib import Path

import jsonschema_rs
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

STANDARDS = Path(__file__).resolve().parents[2] / "training" / "credentials" / "standards"


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def did_web_url(did: str, *, scheme: str = "https") -> str:
    """did:web:host%3Aport[:path] -> the DID document's URL (did:web method, Read)."""
    assert did.startswith("did:web:")
    parts = [urllib.parse.unquote(part) for part in did.removeprefix("did:web:").split(":")]
    host, path = parts[0], parts[1:]
    if path:
        return f"{scheme}://{host}/{'/'.join(path)}/did.json"
    return f"{scheme}://{host}/.well-known/did.json"


def http_get(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (test server)
        return response.read().decode("utf-8"), response.headers.get("Content-Type", "")


def resolve(did: str, *, scheme: str = "http") -> dict:
    body, content_type = http_get(did_web_url(did, scheme=scheme))
    assert "json" in content_type
    document = json.loads(body)
    assert document["id"] == did
    return document


def verify_vc_jwt(token: str, *, resolver=resolve) -> tuple[dict, dict]:
    """Verify a compact VC-JWT against its issuer's DID document; (header, payload).

    Raises cryptography's InvalidSignature when the signature does not hold."""
    encoded_header, encoded_payload, encoded_signature = token.split(".")
    header = json.loads(b64url_decode(encoded_header))
    payload = json.loads(b64url_decode(encoded_payload))
    # ES256 with typ JWT (OB 3.0 §8.2); EdDSA with typ vc+jwt before that.
    assert (header["alg"], header["typ"]) in {("ES256", "JWT"), ("EdDSA", "vc+jwt")}
    issuer = payload["issuer"]
    issuer_id = issuer["id"] if isinstance(issuer, dict) else issuer
    did, _hash, _fragment = header["kid"].partition("#")
    assert did == issuer_id, "the key must belong to the issuer"
    document = resolver(did)
    assert header["kid"] in document["assertionMethod"]
    (method,) = [m for m in document["verificationMethod"] if m["id"] == header["kid"]]
    jwk = method["publicKeyJwk"]
    assert "d" not in jwk
    signed = f"{encoded_header}.{encoded_payload}".encode("ascii")
    signature = b64url_decode(encoded_signature)
    if header["alg"] == "EdDSA":
        assert jwk["kty"] == "OKP" and jwk["crv"] == "Ed25519"
        Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"])).verify(signature, signed)
    else:
        assert jwk["kty"] == "EC" and jwk["crv"] == "P-256" and len(signature) == 64
        x, y = (int.from_bytes(b64url_decode(jwk[c]), "big") for c in ("x", "y"))
        public_key = ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()
        der = encode_dss_signature(
            int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
        )
        public_key.verify(der, signed, ec.ECDSA(hashes.SHA256()))
    return header, payload


def ob3_schema_errors(payload: dict) -> list[str]:
    """The official OB 3.0 JSON Schema's complaints about `payload`, unmodified."""
    schema = json.loads((STANDARDS / "ob_v3p0_achievementcredential_schema.json").read_text())
    validator = jsonschema_rs.validator_for(schema)
    return [error.message for error in validator.iter_errors(payload)]


def status_bit(status_list_payload: dict, index: int) -> int:
    """Bitstring Status List v1.0: multibase base64url, gzip, index 0 = the first byte's MSB."""
    subject = status_list_payload["credentialSubject"]
    assert subject["type"] == "BitstringStatusList"
    encoded = subject["encodedList"]
    assert encoded.startswith("u")
    bits = gzip.decompress(b64url_decode(encoded[1:]))
    assert len(bits) * 8 >= 131_072
    return (bits[index // 8] >> (7 - index % 8)) & 1
