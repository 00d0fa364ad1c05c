"""A scripted wallet app: it speaks OpenID for Verifiable Credential Issuance 1.0
(pre-authorised code flow) over HTTP, knowing only the offer link it scanned.

It shares no code with training.credentials: it makes its own key (joserfc),
its own did:key (multicodec + base58btc written here from the did:key spec),
and reads every address from the issuer's metadata.
"""

from __future__ import annotations

import json
import time
import urllib.parse
import warnings
from dataclasses import dataclass, field

import requests
from joserfc import jwt
from joserfc.jwk import ECKey, OKPKey

PRE_AUTHORIZED = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58btc(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    text = ""
    while number:
        number, digit = divmod(number, 58)
        text = _BASE58[digit] + text
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + text


def _b64url_decode(text: str) -> bytes:
    import base64

    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Wallet:
    """`kind` "did:key" (Ed25519, kid header) or "jwk" (P-256, jwk header)."""

    kind: str = "did:key"
    key: object = field(init=False)
    http: requests.Session = field(default_factory=requests.Session)

    def __post_init__(self):
        if self.kind == "did:key":
            self.key = OKPKey.generate_key("Ed25519")
        else:
            self.key = ECKey.generate_key("P-256")

    @property
    def did(self) -> str:
        if self.kind == "did:key":
            raw = _b64url_decode(self.key.as_dict(private=False)["x"])
            return "did:key:z" + base58btc(b"\xed\x01" + raw)
        raise AttributeError("a jwk wallet has its DID made by the issuer (did:jwk)")

    # -- the protocol, step by step ---------------------------------------------

    def read_offer_link(self, link: str) -> dict:
        parts = urllib.parse.urlsplit(link)
        assert parts.scheme == "openid-credential-offer", link
        (offer_uri,) = urllib.parse.parse_qs(parts.query)["credential_offer_uri"]
        response = self.http.get(offer_uri, timeout=10)
        response.raise_for_status()
        return response.json()

    def metadata(self, issuer: str) -> tuple[dict, dict]:
        credential_issuer = self.http.get(
            issuer + "/.well-known/openid-credential-issuer", timeout=10
        ).json()
        assert credential_issuer["credential_issuer"] == issuer
        servers = credential_issuer.get("authorization_servers") or [issuer]
        oauth = self.http.get(servers[0] + "/.well-known/oauth-authorization-server", timeout=10)
        return credential_issuer, oauth.json()

    def token(self, oauth: dict, code: str, tx_code: str | None = None) -> requests.Response:
        form = {"grant_type": PRE_AUTHORIZED, "pre-authorized_code": code}
        if tx_code is not None:
            form["tx_code"] = tx_code
        return self.http.post(oauth["token_endpoint"], data=form, timeout=10)

    def nonce(self, metadata: dict) -> str:
        response = self.http.post(metadata["nonce_endpoint"], timeout=10)
        response.raise_for_status()
        return response.json()["c_nonce"]

    def proof(self, *, audience: str, nonce: str, iat: float | None = None) -> str:
        if self.kind == "did:key":
            header = {"alg": "EdDSA", "typ": "openid4vci-proof+jwt", "kid": f"{self.did}#0"}
        else:
            header = {
                "alg": "ES256",
                "typ": "openid4vci-proof+jwt",
                "jwk": self.key.as_dict(private=False),
            }
        claims = {"aud": audience, "iat": int(time.time() if iat is None else iat)}
        if nonce:
            claims["nonce"] = nonce
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="EdDSA is deprecated")
            return jwt.encode(header, claims, self.key, algorithms=[header["alg"]])

    def credential(self, metadata: dict, access_token: str, proof: str, configuration: str):
        body = {"credential_configuration_id": configuration, "proofs": {"jwt": [proof]}}
        return self.http.post(
            metadata["credential_endpoint"],
            data=json.dumps(body),
            headers={"Authorization": f"Bearer {access_token}", "Content-Type": "application/json"},
            timeout=10,
        )

    def pick_up(self, link: str) -> tuple[str, dict]:
        """The whole flow: (the credential it was given, the offer it scanned)."""
        offer = self.read_offer_link(link)
        issuer = offer["credential_issuer"]
        metadata, oauth = self.metadata(issuer)
        grant = offer["grants"][PRE_AUTHORIZED]
        token = self.token(oauth, grant["pre-authorized_code"])
        assert token.status_code == 200, token.text
        access_token = token.json()["access_token"]
        nonce = self.nonce(metadata)
        (configuration,) = [
            key
            for key in offer["credential_configuration_ids"]
            if metadata["credential_configurations_supported"][key]["format"] == "jwt_vc_json-ld"
        ]
        response = self.credential(
            metadata, access_token, self.proof(audience=issuer, nonce=nonce), configuration
        )
        assert response.status_code == 200, response.text
        (entry,) = response.json()["credentials"]
        return entry["credential"], offer
