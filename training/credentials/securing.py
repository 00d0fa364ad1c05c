"""The one place where a credential document is secured, and where a certificate's
credential is re-issued to a holder's wallet DID.

Everything that signs a credential (the wallet issuance of `oid4vci.py`, the
associations' endorsements) calls `credential_secure()`; everything that needs
the holder-bound copy calls `holder_bound_document()`. Today both forms rest
on the VC-JWT of `signing.py`; a Data Integrity proof (`eddsa-rdfc-2022`) is
added here, and nowhere else, by filling in `data_integrity` and setting
`DATA_INTEGRITY_AVAILABLE` (the wallet metadata then offers `ldp_vc` too).
"""

from __future__ import annotations

from dataclasses import dataclass

from .documents import open_badge_credential
from .models import Credential
from .signing import vc_jwt_sign

#: Whether `credential_secure()` returns an embedded Data Integrity proof as well.
DATA_INTEGRITY_AVAILABLE = False
#: The `alg` of the VC-JWT that `credential_secure()` makes (the wallet metadata names it).
JWT_ALGORITHM = "EdDSA"


@dataclass(frozen=True)
class SecuredCredential:
    """One credential in every form we sign it in."""

    jwt: str  # the compact VC-JWT
    key_id: str  # the DID URL of the key that signed the JWT
    data_integrity: dict | None = None  # the document with its embedded `proof`, if any


def credential_secure(document: dict) -> SecuredCredential:
    """Sign `document` in every form the site offers. The seam for the securing mechanisms."""
    token, kid = vc_jwt_sign(document)
    return SecuredCredential(jwt=token, key_id=kid)


def holder_bound_document(*, credential: Credential, holder_did: str) -> dict:
    """The certificate's credential again, now naming the holder's wallet DID as
    `credentialSubject.id` (unsigned; secure it with `credential_secure`).

    It keeps the credential's id and its status entry: it is the same credential
    in a newer copy (OB 3.0 tells versions apart by issuer, id and validFrom),
    so revoking the certificate revokes the wallet copy too.
    """
    document = open_badge_credential(
        certificate=credential.certificate,
        credential_uuid=credential.uuid,
        status_list=credential.status_list.number,
        status_index=credential.status_index,
    )
    document["credentialSubject"] = {"id": holder_did, **document["credentialSubject"]}
    return document
