"""The seam the wallet issuance (`wallet.py`, `oid4vci.py`) and the associations'
endorsements sign through.

`credential_secure()` secures a document in both forms the site issues
(`signing.credential_secure`: an embedded Data Integrity proof, `eddsa-rdfc-2022`,
and an OB 3.0 §8.2 VC-JWT, ES256); `holder_bound_credential()` re-issues a
certificate's credential to the holder's wallet DID (`services.credential_reissue_for_holder`:
same id and status entries, so revoking or suspending the certificate reaches the
wallet copy too).
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Credential
from .services import credential_reissue_for_holder
from .signing import credential_secure as _credential_secure

#: `credential_secure()` returns an embedded Data Integrity proof as well (wallets get `ldp_vc`).
DATA_INTEGRITY_AVAILABLE = True
#: The `alg` of the VC-JWT that `credential_secure()` makes (the wallet metadata names it).
JWT_ALGORITHM = "ES256"


@dataclass(frozen=True)
class SecuredCredential:
    """One credential in every form we sign it in."""

    jwt: str  # the compact VC-JWT
    key_id: str  # the DID URL of the key that signed the JWT
    data_integrity: dict | None = None  # the document with its embedded `proof`


def credential_secure(document: dict) -> SecuredCredential:
    """Sign `document` in every form the site offers."""
    secured = _credential_secure(document)
    return SecuredCredential(
        jwt=secured.jwt, key_id=secured.jwt_kid, data_integrity=secured.data_integrity
    )


def holder_bound_credential(*, credential: Credential, holder_did: str) -> SecuredCredential:
    """The certificate's credential, re-issued naming the holder's wallet DID as
    `credentialSubject.id` (raises `services.InvalidHolderDid` for anything else)."""
    reissued = credential_reissue_for_holder(
        certificate=credential.certificate, holder_did=holder_did
    )
    return SecuredCredential(
        jwt=reissued.jwt, key_id=reissued.key_id, data_integrity=reissued.document
    )
