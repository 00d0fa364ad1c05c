"""Public verification and the learner's certificates.

Verification needs no login: the code is the key. Its pages are never
indexed or cached, and lookups are rate limited per client. A learner's
pages look certificates up through permissions.py, so a wrong id is a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from training.http import no_store
from training.learning.permissions import own_active_enrolments

from .codes import code_format, code_is_wellformed, code_normalise
from .downloads import certificate_pdf_response
from .holder_context import holder_context
from .models import CertificateStatus
from .permissions import certificates_readable_by
from .ratelimit import lookup_allowed
from .selectors import (
    certificate_by_code,
    certificate_public,
    certification_state,
    learner_certificates,
    verification_url,
)


def _public(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _too_many(request):
    response = TemplateResponse(request, "certificates/verify_limited.html", status=429)
    response["Retry-After"] = "60"
    return _public(response)


@never_cache
def verify(request):
    """One field for the code; a well-formed code goes to its page."""
    text = request.GET.get("code", "")
    error = None
    if text:
        if not lookup_allowed(request):
            return _too_many(request)
        code = code_normalise(text)
        if code_is_wellformed(code):
            return redirect("certificates:verify_detail", code=code_format(code))
        error = _(
            "This is not a verification code. A code has 16 letters and digits, "
            "for example K7QM-4TXN-9PRW-2HDC."
        )
    context = {"code": text, "error": error}
    return _public(TemplateResponse(request, "certificates/verify.html", context))


@never_cache
def verify_detail(request, code):
    if not lookup_allowed(request):
        return _too_many(request)
    normalised = code_normalise(code)
    if code_is_wellformed(normalised) and code != code_format(normalised):
        return redirect("certificates:verify_detail", code=code_format(normalised))
    certificate = certificate_by_code(text=normalised)
    if certificate is None:
        context = {"code": code, "error": None, "not_found": True}
        return _public(TemplateResponse(request, "certificates/verify.html", context, status=404))
    context = {"certificate": certificate_public(certificate)}
    return _public(TemplateResponse(request, "certificates/verify_detail.html", context))


@never_cache
@login_required
def mine(request):
    """'Mijn certificaten': the learner's certificates, and what is missing for the others."""
    certificates = learner_certificates(user=request.user)
    rows = [
        {"certificate": c, "public": certificate_public(c), "url": verification_url(c)}
        for c in certificates
    ]
    certified = {c.qualification_id for c in certificates if c.status == CertificateStatus.VALID}
    in_progress = []
    for enrolment in own_active_enrolments(request.user).select_related("course", "cohort"):
        state = certification_state(enrolment=enrolment)
        if state.gives_certificate and enrolment.course.qualification_id not in certified:
            in_progress.append(state)
    context = {
        "rows": rows,
        "in_progress": in_progress,
        **holder_context(user=request.user),
    }
    return no_store(TemplateResponse(request, "certificates/mine.html", context))


@never_cache
@login_required
def download(request, pk):
    """The PDF, for the holder, the cohort's trainers and superusers; anyone else gets a 404."""
    certificate = get_object_or_404(certificates_readable_by(request.user), pk=pk)
    if not certificate.is_ready:
        messages.info(request, _("Your certificate is being prepared. Try again in a minute."))
        return redirect("certificates:mine")
    return certificate_pdf_response(certificate)
