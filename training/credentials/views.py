"""The issuer's DID document, the status lists, and the credential files.

The DID document and the status lists are public and hold no personal data.
A credential holds the holder's name: the holder downloads their own (a
wrong or foreign id is a 404), and anyone with the verification code may
fetch it, like the verification page.
"""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from training.certificates.codes import code_normalise
from training.certificates.ratelimit import lookup_allowed
from training.http import no_store

from .did import did_document
from .selectors import (
    credential_by_code,
    credential_for_holder,
    enveloped_credential,
    status_list_jwt,
)
from .signing import MEDIA_TYPE


@require_GET
def did_json(request):
    response = JsonResponse(did_document(), content_type="application/did+json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def status_list(request, number):
    token = status_list_jwt(number=number)
    if token is None:
        raise Http404
    response = HttpResponse(token, content_type=MEDIA_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    # A verifier must see a revocation at once.
    response["Cache-Control"] = "no-cache"
    return response


@login_required
@require_GET
def download(request, pk):
    """The holder's own credential as a `.json` file."""
    credential = credential_for_holder(user=request.user, certificate_id=pk)
    if credential is None:
        raise Http404
    body = json.dumps(enveloped_credential(credential), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    code = credential.certificate.display_code
    response["Content-Disposition"] = f'attachment; filename="open-badge-{code}.json"'
    return no_store(response)


@require_GET
def by_code(request, code):
    """The credential (compact VC-JWT) of the certificate with this verification code."""
    if not lookup_allowed(request):
        response = HttpResponse("Too many lookups. Try again in a minute.", status=429)
        response["Retry-After"] = "60"
        return no_store(response)
    credential = credential_by_code(code=code_normalise(code))
    if credential is None:
        raise Http404
    response = HttpResponse(credential.jwt, content_type=MEDIA_TYPE)
    response["X-Robots-Tag"] = "noindex, nofollow"
    code = credential.certificate.display_code
    response["Content-Disposition"] = f'inline; filename="open-badge-{code}.jwt"'
    return no_store(response)
