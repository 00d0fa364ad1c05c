"""Certificates as Open Badges 3.0 verifiable credentials.

Every certificate also exists as an `OpenBadgeCredential` (W3C Verifiable
Credentials Data Model 2.0) issued by the site's `did:web` identity, in two
secured forms made by one seam, `signing.credential_secure`: an embedded Data
Integrity proof (`eddsa-rdfc-2022`, Ed25519) and an Open Badges 3.0 §8.2
VC-JWT (ES256). Two Bitstring Status List entries follow the certificate's
revocation and suspension. Anyone can verify one without asking us: the DID
document (`/.well-known/did.json`) holds the public keys, the status lists
(`/credentials/status/<n>`, both forms) the bits.
A holder adds their credential to a wallet app with OpenID4VCI (`oid4vci.py`,
`wallet.py`, `wallet_views.py`); the associations' endorsements are signed through
the same seam.

Layer: above certificates (it listens to their signals), below associations.

Personal data held: the signed credential carries the holder's name as it was
on the certificate, a salted hash of their email, the DID they gave from their
wallet, the course and the dates; a
wallet offer, that the holder asked for one (secrets as hashes only).
"""
