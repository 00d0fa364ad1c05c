"""HTTP of the wallet issuance: the holder's QR-code screen and the OID4VCI endpoints.

The protocol endpoints are plain Django views, not django-ninja operations:
OAuth 2.0 and OID4VCI fix their request encoding (a form at the token
endpoint, a Bearer token) and the shape of every error
(`{"error": …, "error_description": …}`, RFC 6749 §5.2, OID4VCI 1.0 §8.3.1),
which ninja's own 422 answers would break. Every answer is JSON and
`no-store`; the wallet-facing endpoints are rate limited per client like the
public certificate lookup, need no CSRF token (a wallet has no session), and
log nothing about the holder.
"""

from __future__ import annotations

import json

import segno
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from training.certificates.models import CertificateStatus
from training.certificates.ratelimit import lookup_allowed
from training.http import no_store

from .oid4vci import (
    PRE_AUTHORIZED_GRANT,
    OidError,
    authorization_server_metadata,
    issuer_metadata,
)
from .selectors import credential_for_holder
from .wallet import (
    OFFER_LIFETIME,
    wallet_credential_issue,
    wallet_nonce_issue,
    wallet_offer_create,
    wallet_offer_document,
    wallet_token_issue,
)

MAX_BODY = 32_000  # bytes; a credential request with one proof is far smaller


def _json(data, *, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return no_store(response)


def _error(error: OidError):
    response = _json(error.body(), status=error.status)
    if error.status == 401:
        response["WWW-Authenticate"] = f'Bearer error="{error.error}"'
    return response


def _limited(request) -> bool:
    return not lookup_allowed(request, scope="oid4vci")


def _too_many():
    response = _json(
        {"error": "slow_down", "error_description": "Too many requests. Try again in a minute."},
        status=429,
    )
    response["Retry-After"] = "60"
    return response


@require_GET
def credential_issuer_metadata(request):
    response = _json(issuer_metadata())
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def oauth_metadata(request):
    response = _json(authorization_server_metadata())
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def offer(request, offer_id):
    """The Credential Offer behind the `credential_offer_uri` of a QR code."""
    if _limited(request):
        return _too_many()
    document = wallet_offer_document(offer_id=offer_id) if len(offer_id) <= 100 else None
    if document is None:
        return _json(
            {"error": "not_found", "error_description": "This offer expired or was used."},
            status=404,
        )
    return _json(document)


@csrf_exempt
@require_http_methods(["POST"])
def token(request):
    """RFC 6749 token endpoint, pre-authorised code grant only (OID4VCI 1.0 §6)."""
    if _limited(request):
        return _too_many()
    content_type = request.content_type or ""
    if content_type != "application/x-www-form-urlencoded":
        return _error(OidError("invalid_request", "Send the form as x-www-form-urlencoded."))
    grant_type = request.POST.get("grant_type", "")
    if grant_type != PRE_AUTHORIZED_GRANT:
        return _error(OidError("unsupported_grant_type", "Only the pre-authorized code grant."))
    code = request.POST.get("pre-authorized_code", "")
    if not code or len(code) > 200:
        return _error(OidError("invalid_request", "pre-authorized_code is missing."))
    try:
        answer = wallet_token_issue(code=code, tx_code=request.POST.get("tx_code", "")[:20])
    except OidError as error:
        return _error(error)
    return _json(answer)


@csrf_exempt
@require_http_methods(["POST"])
def nonce(request):
    if _limited(request):
        return _too_many()
    return _json(wallet_nonce_issue())


def _bearer(request) -> str:
    scheme, _space, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and len(value) <= 200 else ""


@csrf_exempt
@require_http_methods(["POST"])
def credential(request):
    """The credential endpoint (OID4VCI 1.0 §8)."""
    if _limited(request):
        return _too_many()
    try:
        if len(request.body) > MAX_BODY:
            raise OidError("invalid_credential_request", "The request is too large.")
        access_token = _bearer(request)
        if not access_token:
            raise OidError("invalid_token", "A Bearer access token is required.", status=401)
        try:
            body = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError) as error:
            raise OidError("invalid_credential_request", "The body must be JSON.") from error
        answer = wallet_credential_issue(access_token=access_token, request=body)
    except OidError as error:
        return _error(error)
    return _json(answer)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def add_to_wallet(request, pk):
    """The holder's screen: what a wallet app is, and (after a click) the QR code and link."""
    held = credential_for_holder(user=request.user, certificate_id=pk)
    if held is None:
        raise Http404
    certificate = held.certificate
    valid = certificate.status == CertificateStatus.VALID
    context = {"certificate": certificate, "valid": valid, "offer": None, "limited": False}
    if request.method == "POST" and valid:
        if not lookup_allowed(request, scope="wallet-offer"):
            context["limited"] = True
        else:
            new = wallet_offer_create(certificate=certificate)
            context["offer"] = new
            context["qr_data_uri"] = _qr_data_uri(new.deep_link)
            context["minutes"] = int(OFFER_LIFETIME.total_seconds() // 60)
    status = 429 if context["limited"] else 200
    response = TemplateResponse(request, "credentials/wallet.html", context, status=status)
    return no_store(response)


def _qr_data_uri(text: str) -> str:
    # Dark on light with a quiet zone: what phone cameras read best.
    return segno.make(text, error="m", micro=False).svg_data_uri(
        scale=4, dark="#1a1a1a", light="#ffffff", title=_("QR code for your wallet app")
    )
