"""The cohort progress report: one shape for the trainer's table and the CSV export.

Reads only. `cohort_progress_page` filters (name search, status), sorts
(name, progress) and pages the cohort's active learners in the database and
then computes the percentages of one page, so a page costs the same number
of queries whatever the size of the cohort. `progress_report_csv_lines`
streams the whole cohort in chunks, in constant memory.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from training.courses.pillars import Pillar
from training.courses.selectors import CourseOutline, ModuleOutline, course_outline
from training.spreadsheets import csv_safe

from .extras import ProgressColumn, ProgressItem, progress_extras
from .models import Cohort, Enrolment
from .selectors import Tally, cohort_active_enrolments, cohort_progress_rows


@dataclass
class ProgressReportRow:
    name: str
    email: str
    modules: list[Tally]
    pillars: list[Tally]
    course: Tally
    last_activity: datetime | None
    # Per extra column (training.learning.extras), in `ProgressReport.columns` order.
    extras: list[ProgressItem | None] = field(default_factory=list)


@dataclass
class ProgressReport:
    cohort: Cohort
    modules: list[ModuleOutline]
    pillars: list[Pillar]
    rows: list[ProgressReportRow]
    columns: list[ProgressColumn] = field(default_factory=list)


def cohort_progress_report(
    *, cohort: Cohort, enrolments=None, outline: CourseOutline | None = None
) -> ProgressReport:
    """Percent per module, per pillar (all three) and for the course, per active learner.

    `enrolments` narrows the report to one page or chunk of the cohort.
    """
    outline = outline or course_outline(course=cohort.course)
    if enrolments is None:
        enrolments = cohort_active_enrolments(cohort=cohort)
    pillars = list(Pillar)
    enrolments = list(enrolments)
    extras = progress_extras(
        course=cohort.course, outline=outline, enrolments=enrolments, columns=True
    )
    rows = []
    for row in cohort_progress_rows(outline=outline, enrolments=enrolments, extras=extras):
        learner, progress = row.enrolment.learner, row.progress
        by_key = {item.key: item for item in row.extras}
        rows.append(
            ProgressReportRow(
                name=learner.display_name or learner.email,
                email=learner.email,
                modules=[progress.modules[m.page.pk] for m in outline.modules],
                pillars=[progress.pillars[pillar] for pillar in pillars],
                course=progress.course,
                last_activity=row.enrolment.last_activity_at,
                extras=[by_key.get(column.key) for column in extras.columns],
            )
        )
    return ProgressReport(
        cohort=cohort, modules=outline.modules, pillars=pillars, rows=rows, columns=extras.columns
    )


# --- Filtering, sorting and paging the cohort's learners --------------------

STATUS_DONE = "done"
STATUS_IN_PROGRESS = "in_progress"
STATUS_NOT_STARTED = "not_started"
STATUS_CHOICES = [
    ("", _("All")),
    (STATUS_DONE, _("Finished")),
    (STATUS_IN_PROGRESS, _("In progress")),
    (STATUS_NOT_STARTED, _("Not started")),
]

SORT_NAME = "name"
SORT_PROGRESS = "progress"
SORT_CHOICES = [
    (SORT_NAME, _("Name (A–Z)")),
    (f"-{SORT_NAME}", _("Name (Z–A)")),
    (f"-{SORT_PROGRESS}", _("Progress (most first)")),
    (SORT_PROGRESS, _("Progress (least first)")),
]
NAME_ORDER = ["learner__display_name", "learner__email", "pk"]


def cohort_progress_enrolments(
    *,
    cohort: Cohort,
    outline: CourseOutline,
    search: str = "",
    status: str = "",
    sort: str = SORT_NAME,
) -> QuerySet[Enrolment]:
    """The cohort's active enrolments, filtered and sorted as the trainer asked.

    `search` matches the learner's name or email address; `status` is
    "done" (every lesson), "in_progress" or "not_started" (none); `sort` is
    one of `SORT_CHOICES` (default: by name). Unknown values are ignored.
    """
    enrolments = cohort_active_enrolments(cohort=cohort)
    search = (search or "").strip()
    if search:
        enrolments = enrolments.filter(
            Q(learner__display_name__icontains=search) | Q(learner__email__icontains=search)
        )
    # `lessons_done` is the enrolment's counter (models.py), so filter and sort
    # use the (cohort, status, lessons_done) index instead of counting rows.
    by_progress = sort.lstrip("-") == SORT_PROGRESS
    total = len(outline.lesson_ids)
    if status == STATUS_DONE:
        enrolments = enrolments.filter(lessons_done__gte=total) if total else enrolments.none()
    elif status == STATUS_IN_PROGRESS:
        enrolments = enrolments.filter(lessons_done__gt=0, lessons_done__lt=total)
    elif status == STATUS_NOT_STARTED:
        enrolments = enrolments.filter(lessons_done=0)
    if by_progress:
        direction = "-" if sort.startswith("-") else ""
        return enrolments.order_by(f"{direction}lessons_done", *NAME_ORDER)
    if sort == f"-{SORT_NAME}":
        return enrolments.order_by(*[f"-{field}" for field in NAME_ORDER])
    return enrolments.order_by(*NAME_ORDER)


@dataclass
class ProgressPage:
    page: Page
    elided_page_range: list
    report: ProgressReport


def cohort_progress_page(
    *,
    cohort: Cohort,
    page_number=None,
    per_page: int = 50,
    search: str = "",
    status: str = "",
    sort: str = SORT_NAME,
) -> ProgressPage:
    """One page of the report; a page number out of range or not a number shows the nearest."""
    outline = course_outline(course=cohort.course)
    enrolments = cohort_progress_enrolments(
        cohort=cohort, outline=outline, search=search, status=status, sort=sort
    )
    paginator = Paginator(enrolments, per_page)
    page = paginator.get_page(page_number)
    return ProgressPage(
        page=page,
        elided_page_range=list(paginator.get_elided_page_range(page.number)),
        report=cohort_progress_report(cohort=cohort, enrolments=page, outline=outline),
    )


# --- CSV export ---------------------------------------------------------------


def _csv_percent(tally: Tally):
    return tally.percent if tally.total else ""


def progress_report_csv_header(report: ProgressReport) -> list:
    percent = gettext("%(label)s (%%)")
    header = [
        gettext("Learner"),
        gettext("Email address"),
        percent % {"label": gettext("Whole course")},
        gettext("Last activity"),
        *[percent % {"label": pillar.label} for pillar in report.pillars],
        *[percent % {"label": m.page.title} for m in report.modules],
        *[column.label for column in report.columns],
    ]
    return [csv_safe(cell) for cell in header]


def _csv_extra(item: ProgressItem | None) -> str:
    # "1 of 2", not "1/2": a spreadsheet would read that as a date.
    if item is None:
        return ""
    return gettext("%(done)s of %(total)s") % {"done": item.done, "total": item.total}


def progress_report_csv_rows(report: ProgressReport) -> list[list]:
    """One row per learner, in the order of the table on the progress page."""
    rows = []
    for row in report.rows:
        last_activity = (
            timezone.localtime(row.last_activity).strftime("%Y-%m-%d %H:%M")
            if row.last_activity
            else ""
        )
        rows.append(
            [
                row.name,
                row.email,
                _csv_percent(row.course),
                last_activity,
                *[_csv_percent(tally) for tally in row.pillars],
                *[_csv_percent(tally) for tally in row.modules],
                *[_csv_extra(item) for item in row.extras],
            ]
        )
    return [[csv_safe(cell) for cell in row] for row in rows]


CSV_CHUNK = 500


class _Echo:
    def write(self, value):
        return value


def progress_report_csv_lines(*, cohort: Cohort, chunk_size: int = CSV_CHUNK):
    """The CSV export, line by line: a byte order mark and the header, then the
    learners in chunks of `chunk_size` (one progress query per chunk), so the
    file streams in constant memory whatever the size of the cohort."""
    writer = csv.writer(_Echo(), delimiter=";")
    outline = course_outline(course=cohort.course)
    header = cohort_progress_report(cohort=cohort, enrolments=[], outline=outline)
    # A byte order mark makes Excel read the file as UTF-8 (é, ë, ĳ).
    yield "\ufeff" + writer.writerow(progress_report_csv_header(header))
    chunk = []
    for enrolment in cohort_active_enrolments(cohort=cohort).iterator(chunk_size=chunk_size):
        chunk.append(enrolment)
        if len(chunk) == chunk_size:
            yield _csv_chunk(cohort, chunk, outline, writer)
            chunk = []
    if chunk:
        yield _csv_chunk(cohort, chunk, outline, writer)


def _csv_chunk(cohort, enrolments, outline, writer) -> str:
    report = cohort_progress_report(cohort=cohort, enrolments=enrolments, outline=outline)
    return "".join(writer.writerow(row) for row in progress_report_csv_rows(report))
