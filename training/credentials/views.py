"""The issuer's DID document, the status lists, and the credential files.

The DID document and the status lists are public and hold no personal data.
A credential holds the holder's name: the holder downloads their own (a
wrong or foreign id is a 404), and anyone with the verification code may
fetch it, like the verification page.

Each credential has two addresses, one per secured form:
`/credentials/<code>.json` (JSON-LD with a Data Integrity proof) and
`/credentials/<code>.jwt` (the OB 3.0 §8.2 VC-JWT). A status list has one
address, `/credentials/status/<n>`, whose URL is inside every credential: it
answers by content negotiation, the JSON-LD form with its Data Integrity proof
to `Accept: application/ld+json` (or application/vc, application/json), the
VC-JWT otherwise (as it always did).
"""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from training.certificates.codes import code_normalise
from training.certificates.ratelimit import lookup_allowed
from training.http import no_store

from .did import did_document
from .selectors import credential_by_code, credential_for_holder, status_list_secured
from .signing import LD_MEDIA_TYPE, MEDIA_TYPE

JSON_LD_TYPES = ("application/ld+json", "application/vc", "application/json")


def _json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def wants_json_ld(request) -> bool:
    """The client asks for JSON(-LD) before (or instead of) a JWT."""
    accept = request.headers.get("Accept", "")
    ranked = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    for media_type in ranked:
        if media_type in JSON_LD_TYPES or media_type.endswith("+ld+json"):
            return True
        if media_type in (MEDIA_TYPE, "application/jwt"):
            return False
    return False


@require_GET
def did_json(request):
    response = JsonResponse(did_document(), content_type="application/did+json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def status_list(request, number):
    secured = status_list_secured(number=number)
    if secured is None:
        raise Http404
    if wants_json_ld(request):
        response = HttpResponse(
            _json(secured.data_integrity), content_type="application/ld+json; charset=utf-8"
        )
    else:
        response = HttpResponse(secured.jwt, content_type=MEDIA_TYPE)
    patch_vary_headers(response, ["Accept"])
    response["Access-Control-Allow-Origin"] = "*"
    # A verifier must see a revocation or a suspension at once.
    response["Cache-Control"] = "no-cache"
    return response


@login_required
@require_GET
def download(request, pk):
    """The holder's own credential as a `.json` file: the JSON-LD document with its
    Data Integrity proof, which wallets import."""
    credential = credential_for_holder(user=request.user, certificate_id=pk)
    if credential is None or not credential.document:
        raise Http404
    response = HttpResponse(
        _json(credential.document), content_type="application/json; charset=utf-8"
    )
    code = credential.certificate.display_code
    response["Content-Disposition"] = f'attachment; filename="open-badge-{code}.json"'
    return no_store(response)


def _by_code(request, code):
    if not lookup_allowed(request):
        response = HttpResponse("Too many lookups. Try again in a minute.", status=429)
        response["Retry-After"] = "60"
        return no_store(response), None
    credential = credential_by_code(code=code_normalise(code))
    if credential is None:
        raise Http404
    return None, credential


@require_GET
def by_code(request, code):
    """The credential (OB 3.0 §8.2 VC-JWT) of the certificate with this verification code."""
    refused, credential = _by_code(request, code)
    if refused:
        return refused
    response = HttpResponse(credential.jwt, content_type=MEDIA_TYPE)
    response["X-Robots-Tag"] = "noindex, nofollow"
    code = credential.certificate.display_code
    response["Content-Disposition"] = f'inline; filename="open-badge-{code}.jwt"'
    return no_store(response)


@require_GET
def by_code_json(request, code):
    """The credential with its Data Integrity proof (JSON-LD) of the certificate with this code."""
    refused, credential = _by_code(request, code)
    if refused:
        return refused
    if not credential.document:
        raise Http404  # an older credential that `credentials_backfill` has not re-issued yet
    response = HttpResponse(
        _json(credential.document), content_type=f"{LD_MEDIA_TYPE}; charset=utf-8"
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    code = credential.certificate.display_code
    response["Content-Disposition"] = f'inline; filename="open-badge-{code}.json"'
    return no_store(response)
