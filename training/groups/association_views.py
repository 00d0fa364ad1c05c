"""What an association's staff and trainers see of the groups' feedback: figures only.

The association is looked up through `association_feedback_visible_to` (its staff,
superusers), so another association's id is a 404 (also when not signed in). Per quarter, per group and across
groups; no open answers and no per-meeting figures; nothing but counts below the
threshold (every figure comes from `selectors.answer_summary`). CSV and PDF show
exactly what the page shows.
"""

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from training.http import no_store
from training.spreadsheets import csv_safe

from . import pdf, selectors
from .models import STATEMENT_FIELDS, Scale
from .permissions import association_feedback_visible_to, groups_shared_with_trainer

FIRST_YEAR = 2020


def _association(request, pk):
    return get_object_or_404(association_feedback_visible_to(request.user), pk=pk)


def _quarter(request) -> tuple[int, int]:
    """The quarter asked for (`?kwartaal=2026-1`), else the current one; nonsense is a 404."""
    value = request.GET.get("kwartaal", "")
    if not value:
        return selectors.quarter_of(timezone.localdate())
    year, _sep, quarter = value.partition("-")
    if not (year.isdigit() and quarter.isdigit() and len(year) == 4):
        raise Http404
    year, quarter = int(year), int(quarter)
    if not (FIRST_YEAR <= year <= timezone.localdate().year + 1 and 1 <= quarter <= 4):
        raise Http404
    return year, quarter


def _quarters_around(year: int, quarter: int) -> tuple[str, str]:
    previous = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    following = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return f"{previous[0]}-{previous[1]}", f"{following[0]}-{following[1]}"


@never_cache
def quarter(request, pk):
    association = _association(request, pk)
    year, number = _quarter(request)
    report = selectors.association_quarter(association=association, year=year, quarter=number)
    previous, following = _quarters_around(year, number)
    context = {
        "association": association,
        "report": report,
        "query": f"kwartaal={year}-{number}",
        "previous": previous,
        "following": following,
    }
    return no_store(TemplateResponse(request, "groups/association_quarter.html", context))


def quarter_csv_rows(report) -> list[list]:
    header = [_("Group"), _("Answers")]
    for name in STATEMENT_FIELDS:
        header += [f"{name} {value}" for value in Scale.values] + [f"{name} % {_('Agree')}"]
    rows = [header]
    for title, summary in [(_("All groups"), report.overall), *report.groups]:
        row = [csv_safe(str(title)), summary.count]
        for name in STATEMENT_FIELDS:
            statement = summary.statement(name)
            if statement is None:
                row += [""] * (len(Scale.values) + 1)
            else:
                row += [count for _v, _l, count in statement.distribution]
                row.append(statement.agree_percent)
        rows.append(row)
    return rows


@never_cache
def quarter_csv(request, pk):
    association = _association(request, pk)
    year, number = _quarter(request)
    report = selectors.association_quarter(association=association, year=year, quarter=number)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="groepsfeedback-{year}-q{number}.csv"'
    writer = csv.writer(response)
    writer.writerows(quarter_csv_rows(report))
    return no_store(response)


@never_cache
def quarter_pdf(request, pk):
    association = _association(request, pk)
    year, number = _quarter(request)
    report = selectors.association_quarter(association=association, year=year, quarter=number)
    response = HttpResponse(pdf.quarter_report_pdf(report=report), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="groepsfeedback-{year}-q{number}.pdf"'
    return no_store(response)


@never_cache
@login_required
def trainer_overview(request):
    """A trainer's figures across the shared groups of their learners (opt-in); nothing
    for someone who trains no one whose groups are shared."""
    if not groups_shared_with_trainer(request.user).exists():
        raise Http404
    context = {"summary": selectors.trainer_summary(user=request.user)}
    return no_store(TemplateResponse(request, "groups/trainer.html", context))
