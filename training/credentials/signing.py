"""Securing a credential: the one seam every signed document goes through.

`credential_secure(document)` turns an unsigned credential (an
OpenBadgeCredential, a status list credential, or any other VC 2.0 document
that names its contexts) into its two secured forms:

1. `data_integrity`: the document with an embedded Data Integrity proof
   (W3C VC Data Integrity 1.0, `DataIntegrityProof`, cryptosuite
   `eddsa-rdfc-2022`: RDFC-1.0 canonical N-Quads of the proof options and of
   the document, each hashed with SHA-256, signed with the newest Ed25519 key,
   base58btc multibase). `proof` is an array, as the OB 3.0 JSON Schema asks.
2. `jwt`: a VC-JWT exactly as Open Badges 3.0 §8.2 ("JSON Web Token Proof
   Format") describes it: JOSE header with only `alg` (ES256, the newest
   P-256 key), `kid` (its DID URL) and `typ: "JWT"`; the payload is the
   credential (with its embedded proof, which §8.2 says must be made first)
   plus the registered claims `iss` (issuer.id), `jti` (id), `sub`
   (credentialSubject.id), `nbf` (validFrom) and `exp` (validUntil, when set).

Why `typ: "JWT"` and not `vc+jwt`: §8.2 says `typ`, if present, MUST be "JWT"
and allows no other header (so no `cty`); VC-JOSE-COSE only RECOMMENDS (SHOULD)
`vc+jwt`. A credential of the OB 3.0 type follows the OB 3.0 rule, which the
1EdTech validator checks, without breaking a MUST of VC-JOSE-COSE.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import warnings
from dataclasses import dataclass

import base58
from cryptography.hazmat.primitives import serialization
from django.utils import timezone
from joserfc import jws
from joserfc.jwk import ECKey, OKPKey

from .did import es256_key_id, key_id, multikey_id
from .keys import ED25519, ES256, signing_key
from .linked_data import canonical_nquads

# The media type of a VC-JWT (registered by VC-JOSE-COSE) and of a VC 2.0 JSON-LD document.
MEDIA_TYPE = "application/vc+jwt"
LD_MEDIA_TYPE = "application/vc"
JWT_HEADERS = frozenset(
    {"alg", "kid", "jwk", "typ"}
)  # §8.2: "Additional JOSE Headers are NOT allowed"


@dataclass(frozen=True)
class SecuredCredential:
    """One credential in both secured forms, and the keys that secured it."""

    data_integrity: dict
    jwt: str
    proof_method: str
    jwt_kid: str


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _numeric_date(text: str) -> int:
    return int(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def _sha256(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def data_integrity_sign(document: dict, *, created: datetime.datetime | None = None) -> dict:
    """`document` with one more `eddsa-rdfc-2022` proof in its `proof` array."""
    number, pem = signing_key(ED25519)
    private = serialization.load_pem_private_key(pem, None)
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": _utc(created or timezone.now()),
        "verificationMethod": multikey_id(number),
        "proofPurpose": "assertionMethod",
    }
    proof_config = {"@context": document["@context"], **proof}
    hash_data = _sha256(canonical_nquads(proof_config)) + _sha256(canonical_nquads(unsecured))
    signature = private.sign(hash_data)
    proof["proofValue"] = "z" + base58.b58encode(signature).decode("ascii")
    earlier = document.get("proof", [])
    earlier = earlier if isinstance(earlier, list) else [earlier]
    return {**unsecured, "proof": [*earlier, proof]}


def _id(value) -> str | None:
    return value.get("id") if isinstance(value, dict) else value


def jwt_claims(document: dict) -> dict:
    """The registered claims of OB 3.0 §8.2, taken from the credential itself."""
    claims = {
        "iss": _id(document["issuer"]),
        "jti": document["id"],
        "nbf": _numeric_date(document["validFrom"]),
    }
    # §8.2 requires `sub`: give every credentialSubject an id (documents.subject_id).
    if subject := _id(document["credentialSubject"]):
        claims["sub"] = subject
    if document.get("validUntil"):
        claims["exp"] = _numeric_date(document["validUntil"])
    return claims


def vc_jwt_sign(document: dict) -> tuple[str, str]:
    """The OB 3.0 §8.2 VC-JWT (ES256) of `document`, and the `kid` that signed it."""
    number, pem = signing_key(ES256)
    kid = es256_key_id(number)
    header = {"alg": "ES256", "kid": kid, "typ": "JWT"}
    payload = {**document, **jwt_claims(document)}
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    token = jws.serialize_compact(header, body, ECKey.import_key(pem), algorithms=["ES256"])
    return token, kid


def legacy_eddsa_jwt_sign(document: dict) -> tuple[str, str]:
    """The EdDSA VC-JWT (`typ: vc+jwt`, `cty: vc`) the site issued before this change.

    Kept only so tests can make a credential "issued before": nothing issues these now.
    """
    number, pem = signing_key(ED25519)
    kid = key_id(number)
    header = {"alg": "EdDSA", "kid": kid, "typ": "vc+jwt", "cty": "vc"}
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="EdDSA is deprecated")
        token = jws.serialize_compact(header, body, OKPKey.import_key(pem), algorithms=["EdDSA"])
    return token, kid


def credential_secure(
    document: dict, *, created: datetime.datetime | None = None
) -> SecuredCredential:
    """The two secured forms of the unsigned credential `document` (see the module).

    The Data Integrity proof is made first and travels inside the JWT payload,
    as §8.2 asks when a credential carries both.
    """
    secured = data_integrity_sign(document, created=created)
    token, kid = vc_jwt_sign(secured)
    return SecuredCredential(
        data_integrity=secured,
        jwt=token,
        proof_method=secured["proof"][-1]["verificationMethod"],
        jwt_kid=kid,
    )


def vc_jwt_payload(token: str) -> dict:
    """The payload of a compact JWS, unverified (for display: verifiers check the signature)."""
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
