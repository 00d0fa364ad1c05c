"""The association's pages: its facilitators' certification status, CSV, API tokens.

Every view looks the association up through `associations_staffed_by`, so
staff of one association get a 404 for another's.
"""

import csv

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from training.learning.admin_views import csv_safe

from .models import ApiToken
from .permissions import associations_staffed_by
from .selectors import (
    FacilitatorStatus,
    association_api_tokens,
    association_facilitators,
    facilitator_rows_filter,
)
from .services import api_token_create, api_token_revoke


def _private(response):
    response["Cache-Control"] = "no-store, private"
    return response


class StatusFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name or course"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *FacilitatorStatus.choices()],
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the new token"),
        max_length=100,
        help_text=_("What it is for, e.g. “Member administration”."),
    )


def _association(request, pk):
    return get_object_or_404(associations_staffed_by(request.user), pk=pk)


def _filtered_rows(request, all_rows):
    form = StatusFilterForm(request.GET or None)
    search = status = ""
    if form.is_valid():
        search, status = form.cleaned_data["q"], form.cleaned_data["status"]
    return form, facilitator_rows_filter(all_rows, search=search, status=status)


@never_cache
@login_required
def index(request):
    associations = list(associations_staffed_by(request.user))
    if len(associations) == 1:
        return redirect("associations:status", pk=associations[0].pk)
    status = 200 if associations else 403
    context = {"associations": associations}
    return _private(TemplateResponse(request, "associations/index.html", context, status=status))


@never_cache
@login_required
def status(request, pk):
    association = _association(request, pk)
    all_rows = association_facilitators(association=association)
    form, rows = _filtered_rows(request, all_rows)
    counts = dict.fromkeys(FacilitatorStatus.ORDER, 0)
    for row in all_rows:
        counts[row.status] += 1
    context = {
        "association": association,
        "form": form,
        "rows": rows,
        "summary": [(value, FacilitatorStatus.LABELS[value], counts[value]) for value in counts],
        "query": request.GET.urlencode(),
    }
    return _private(TemplateResponse(request, "associations/status.html", context))


def status_csv_rows(rows) -> list[list]:
    header = [
        gettext("Name"),
        gettext("Course"),
        gettext("Status"),
        gettext("Valid until"),
        gettext("Issued on"),
        gettext("Verification code"),
        gettext("Progress (%)"),
    ]
    lines = [header]
    for row in rows:
        lines.append(
            [
                row.name,
                row.course_title,
                row.status_label,
                row.valid_until.isoformat() if row.valid_until else "",
                row.issued_on.isoformat() if row.issued_on else "",
                row.certificate_code,
                "" if row.progress_percent is None else row.progress_percent,
            ]
        )
    return [[csv_safe(cell) for cell in line] for line in lines]


@never_cache
@login_required
def status_csv(request, pk):
    association = _association(request, pk)
    _form, rows = _filtered_rows(request, association_facilitators(association=association))
    filename = f"{slugify(association.name) or 'vereniging'}-{timezone.localdate().isoformat()}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so Excel reads UTF-8
    csv.writer(response, delimiter=";").writerows(status_csv_rows(rows))
    return _private(response)


@never_cache
@login_required
def tokens(request, pk):
    """List the API tokens; POST creates one and shows it once."""
    association = _association(request, pk)
    new_token = None
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, new_token = api_token_create(
            association=association, user=request.user, name=form.cleaned_data["name"]
        )
        form = ApiTokenForm()
    context = {
        "association": association,
        "form": form,
        "tokens": association_api_tokens(association=association),
        "new_token": new_token,
        "api_base": request.build_absolute_uri(f"/api/v1/associations/{association.pk}/"),
    }
    return _private(TemplateResponse(request, "associations/tokens.html", context))


@require_POST
@login_required
def token_revoke(request, pk, token_id):
    association = _association(request, pk)
    token = get_object_or_404(ApiToken.objects.filter(association=association), pk=token_id)
    api_token_revoke(token=token, user=request.user)
    messages.success(
        request,
        gettext("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name},
    )
    return redirect("associations:tokens", pk=association.pk)
