"""Writes of the wallet issuance (OID4VCI pre-authorised code flow, see `oid4vci.py`).

Each step is one conditional UPDATE, so a code, a token or a nonce works once
even when two requests race: the offer is redeemed once, its credential
delivered once, a nonce used once. Secrets are stored as SHA-256 hashes.
Nothing here logs: an offer is known by its id only.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass
from urllib.parse import quote

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from training.certificates.models import Certificate

from .did import base_url
from .models import Credential, WalletNonce, WalletOffer
from .oid4vci import (
    CONFIGURATION_JWT,
    CONFIGURATION_LDP,
    OFFER_SCHEME,
    PRE_AUTHORIZED_GRANT,
    OidError,
    configurations,
    credential_issuer,
    proof_verify,
)
from .securing import holder_bound_credential
from .services import InvalidHolderDid

OFFER_LIFETIME = datetime.timedelta(minutes=10)
TOKEN_LIFETIME = datetime.timedelta(minutes=10)
NONCE_LIFETIME = datetime.timedelta(minutes=5)
TX_CODE_LENGTH = 6
TX_CODE_TRIES = 3


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _pre_authorized_code(offer_id: str) -> str:
    """Derived from the offer's secret address, so the code itself is never stored."""
    return salted_hmac("credentials.wallet.code", offer_id, algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class NewOffer:
    offer: WalletOffer
    offer_uri: str  # what the wallet fetches
    deep_link: str  # openid-credential-offer://?credential_offer_uri=… (the QR code and link)
    tx_code: str  # empty unless one was asked for: the holder types it in the wallet


def wallet_offer_create(*, certificate: Certificate, with_tx_code: bool = False) -> NewOffer:
    """A single-use offer of `certificate`'s credential, valid for ten minutes.

    The caller makes sure the certificate is the signed-in holder's own.
    """
    offer_id = secrets.token_urlsafe(32)
    tx_code = (
        "".join(secrets.choice("0123456789") for _ in range(TX_CODE_LENGTH)) if with_tx_code else ""
    )
    now = timezone.now()
    offer = WalletOffer(
        certificate=certificate,
        offer_hash=_hash(offer_id),
        code_hash=_hash(_pre_authorized_code(offer_id)),
        tx_code_hash=_hash(_hash(offer_id) + tx_code) if tx_code else "",
        created_at=now,
        expires_at=now + OFFER_LIFETIME,
    )
    offer.full_clean()
    with transaction.atomic():
        offer.save()
        # Housekeeping: offers and nonces long past use go (no log, no task needed).
        yesterday = now - datetime.timedelta(days=1)
        WalletOffer.objects.filter(expires_at__lt=yesterday).delete()
        WalletNonce.objects.filter(expires_at__lt=yesterday).delete()
    offer_uri = base_url() + reverse("credentials:oid4vci_offer", args=[offer_id])
    deep_link = f"{OFFER_SCHEME}?credential_offer_uri={quote(offer_uri, safe='')}"
    return NewOffer(offer=offer, offer_uri=offer_uri, deep_link=deep_link, tx_code=tx_code)


def wallet_offer_document(*, offer_id: str) -> dict | None:
    """The Credential Offer (OID4VCI 1.0 §4.1.1) behind an offer address; None when
    there is no such offer, or it expired or was redeemed."""
    offer = WalletOffer.objects.filter(
        offer_hash=_hash(offer_id), redeemed_at__isnull=True, expires_at__gt=timezone.now()
    ).first()
    if offer is None:
        return None
    grant = {"pre-authorized_code": _pre_authorized_code(offer_id)}
    if offer.tx_code_hash:
        grant["tx_code"] = {
            "input_mode": "numeric",
            "length": TX_CODE_LENGTH,
            "description": "De code die bij de QR-code op Mijn certificaten staat.",
        }
    return {
        "credential_issuer": credential_issuer(),
        "credential_configuration_ids": list(configurations()),
        "grants": {PRE_AUTHORIZED_GRANT: grant},
    }


def wallet_token_issue(*, code: str, tx_code: str = "") -> dict:
    """Swap a pre-authorised code for an access token (once). The token response."""
    now = timezone.now()
    offer = WalletOffer.objects.filter(code_hash=_hash(code)).first()
    if offer is None or offer.redeemed_at is not None or offer.expires_at <= now:
        raise OidError("invalid_grant", "The pre-authorized code is not valid (any more).")
    if offer.tx_code_hash:
        if offer.tx_code_attempts >= TX_CODE_TRIES:
            raise OidError("invalid_grant", "Too many wrong transaction codes.")
        if not tx_code:
            raise OidError("invalid_request", "This offer needs its tx_code.")
        if not constant_time_compare(_hash(offer.offer_hash + tx_code), offer.tx_code_hash):
            WalletOffer.objects.filter(pk=offer.pk).update(
                tx_code_attempts=offer.tx_code_attempts + 1
            )
            raise OidError("invalid_grant", "The transaction code is wrong.")
    access_token = secrets.token_urlsafe(32)
    redeemed = WalletOffer.objects.filter(
        pk=offer.pk, redeemed_at__isnull=True, expires_at__gt=now
    ).update(redeemed_at=now, token_hash=_hash(access_token), token_expires_at=now + TOKEN_LIFETIME)
    if not redeemed:  # another request redeemed it a moment ago
        raise OidError("invalid_grant", "The pre-authorized code is not valid (any more).")
    return {
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": int(TOKEN_LIFETIME.total_seconds()),
    }


def wallet_nonce_issue() -> dict:
    """A fresh `c_nonce` (OID4VCI 1.0 §7): the nonce endpoint's answer."""
    nonce = secrets.token_urlsafe(24)
    now = timezone.now()
    WalletNonce.objects.create(
        nonce_hash=_hash(nonce), created_at=now, expires_at=now + NONCE_LIFETIME
    )
    return {"c_nonce": nonce}


def _offer_for_token(access_token: str) -> WalletOffer:
    offer = (
        WalletOffer.objects.select_related("certificate")
        .filter(token_hash=_hash(access_token), delivered_at__isnull=True)
        .first()
        if access_token
        else None
    )
    if offer is None or offer.token_expires_at <= timezone.now():
        raise OidError("invalid_token", "The access token is not valid (any more).", status=401)
    return offer


def _requested_configuration(request: dict) -> str:
    configuration = request.get("credential_configuration_id")
    supported = configurations()
    if configuration is None and request.get("format"):
        # Drafts before 1.0 asked by format.
        by_format = {value["format"]: key for key, value in supported.items()}
        configuration = by_format.get(request["format"])
        if configuration is None:
            raise OidError("unsupported_credential_format", "This format is not offered.")
    if configuration is None:
        if "credential_identifier" in request:
            raise OidError("unknown_credential_identifier", "Ask by credential_configuration_id.")
        raise OidError("invalid_credential_request", "credential_configuration_id is missing.")
    if configuration not in supported:
        raise OidError("unknown_credential_configuration", "This configuration is not offered.")
    return configuration


def _proof_jwt(request: dict) -> object:
    proofs = request.get("proofs")
    if proofs is not None:
        if not isinstance(proofs, dict) or set(proofs) != {"jwt"}:
            raise OidError("invalid_proof", "Send one proof of type jwt.")
        jwts = proofs["jwt"]
        if not isinstance(jwts, list) or len(jwts) != 1:
            raise OidError("invalid_proof", "Send exactly one jwt proof.")
        return jwts[0]
    proof = request.get("proof")  # drafts before 1.0
    if isinstance(proof, dict) and proof.get("proof_type") == "jwt":
        return proof.get("jwt")
    raise OidError("invalid_proof", "A key proof (proofs.jwt) is required.")


def _nonce_use(nonce: str) -> None:
    used = WalletNonce.objects.filter(
        nonce_hash=_hash(nonce), used_at__isnull=True, expires_at__gt=timezone.now()
    ).update(used_at=timezone.now())
    if not used:
        raise OidError("invalid_nonce", "Get a fresh c_nonce from the nonce endpoint.")


def wallet_credential_issue(*, access_token: str, request: object) -> dict:
    """The credential endpoint (OID4VCI 1.0 §8): check the token, the request and the key
    proof, then issue the certificate's credential bound to the holder's DID (once).

    A wrong proof or nonce leaves the token usable, so the wallet can try again.
    """
    offer = _offer_for_token(access_token)
    if not isinstance(request, dict):
        raise OidError("invalid_credential_request", "The request must be a JSON object.")
    configuration = _requested_configuration(request)
    proven = proof_verify(_proof_jwt(request))
    _nonce_use(proven.nonce)
    credential = (
        Credential.objects.select_related("certificate", "status_list")
        .filter(certificate_id=offer.certificate_id)
        .exclude(jwt="")
        .first()
    )
    if credential is None:
        raise OidError("credential_request_denied", "This certificate has no credential.")
    with transaction.atomic():
        delivered = WalletOffer.objects.filter(pk=offer.pk, delivered_at__isnull=True).update(
            delivered_at=timezone.now()
        )
        if not delivered:
            raise OidError("invalid_token", "The access token was used already.", status=401)
        try:
            secured = holder_bound_credential(credential=credential, holder_did=proven.holder_did)
        except InvalidHolderDid:
            raise OidError("invalid_proof", "The key proof names no usable DID.") from None
    if configuration == CONFIGURATION_LDP and secured.data_integrity is not None:
        issued: object = secured.data_integrity
    elif configuration == CONFIGURATION_JWT:
        issued = secured.jwt
    else:
        raise OidError("credential_request_denied", "This form cannot be issued now.")
    return {"credentials": [{"credential": issued}]}
