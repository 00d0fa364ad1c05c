"""Certificates as Open Badges 3.0 verifiable credentials.

Every certificate also exists as an `OpenBadgeCredential` (W3C Verifiable
Credentials Data Model 2.0), secured as a VC-JWT (EdDSA) by the site's
`did:web` issuer identity, with a Bitstring Status List entry that follows the
certificate's revocation. Anyone can verify one without asking us: the DID
document (`/.well-known/did.json`) holds the public keys, the status list
(`/credentials/status/1`) the revocation bits. A holder adds their credential to a
wallet app with OpenID4VCI (`oid4vci.py`, `wallet.py`, `wallet_views.py`); the wallet
copy and the associations' endorsements are signed through `securing.py`.

Layer: above certificates (it listens to their signals), below associations.

Personal data held: the signed credential carries the holder's name as it was
on the certificate, the course and the dates (the same data as the PDF); a
wallet offer, that the holder asked for one (secrets as hashes only, never the
wallet's DID).
"""
