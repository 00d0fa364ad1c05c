"""'Mijn gegevens': the learner's copy of their data, and deleting their account.

Views parse input, call one service or selector, and render. Every page is
`no-store`; exports are looked up through the learner's own queryset, so a
wrong id (or someone else's) is a 404.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from training.http import no_store

from . import errors, selectors, services
from .forms import ErasureForm
from .models import ErasureRequest
from .permissions import own_downloadable_exports


@never_cache
@login_required
def overview(request):
    export = selectors.latest_export(user=request.user)
    context = {
        "export": export,
        "export_downloadable": export is not None and export.is_downloadable(),
        "erasure": selectors.latest_erasure_request(user=request.user),
        "retention_months": settings.PRIVACY_RETENTION_MONTHS,
    }
    return no_store(TemplateResponse(request, "privacy/overview.html", context))


@require_POST
@login_required
def export_request(request):
    export = services.data_export_request(user=request.user)
    if export.is_downloadable():
        messages.success(request, _("Your copy is ready. Download it below."))
    else:
        messages.info(
            request, _("We are putting your copy together. Reload this page in a minute.")
        )
    return redirect("privacy:overview")


FILES = {
    "json": ("json_file", "application/json"),
    "html": ("html_file", "text/html; charset=utf-8"),
}


@never_cache
@login_required
def export_download(request, public_id, kind):
    if kind not in FILES:
        raise Http404
    export = get_object_or_404(own_downloadable_exports(request.user), public_id=public_id)
    field_name, content_type = FILES[kind]
    file = getattr(export, field_name)
    try:
        handle = file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=file.name.rsplit("/", 1)[-1],
        content_type=content_type,
    )
    return no_store(response)


@never_cache
@login_required
def erase(request):
    pending = selectors.pending_erasure(user=request.user)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and pending is None and form.is_valid():
        try:
            erasure = services.erasure_request(
                user=request.user, password=form.cleaned_data["password"]
            )
        except errors.WrongPassword as error:
            form.add_error("password", error.message)
        else:
            if erasure.status == ErasureRequest.Status.ERASED:
                logout(request)
                return redirect("privacy:erased")
            messages.info(
                request,
                _("Your request has been sent. A trainer or administrator will look at it soon."),
            )
            return redirect("privacy:overview")
    context = {
        "form": form,
        "pending": pending,
        "reasons": selectors.erasure_reasons(user=request.user),
        "reason_labels": dict(ErasureRequest.Reason.choices),
    }
    return no_store(TemplateResponse(request, "privacy/erase.html", context))


@never_cache
def erased(request):
    if request.user.is_authenticated:
        return redirect("privacy:overview")
    return no_store(TemplateResponse(request, "privacy/erased.html", {}))
