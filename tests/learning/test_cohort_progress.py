"""The cohort progress report in the Wagtail admin: table, CSV export, query count."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
    build_course,
    login_with_mfa,
)
from training.courses.pillars import Pillar
from training.courses.selectors import course_outline
from training.learning import reports, services
from training.spreadsheets import csv_safe

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(trainer):
    """Two modules of two lessons: experiential expertise, then listening; no boundaries module."""
    course = build_course(modules=2, lessons_per_module=2, title="Gespreksleiding")
    return CohortFactory(name="Groep Zuid-Holland 2030", course=course, trainers=[trainer])


def enrol(cohort, display_name, *, lessons=(), email=None, last_activity=None):
    learner = UserFactory(display_name=display_name, **({"email": email} if email else {}))
    enrolment = EnrolmentFactory(cohort=cohort, learner=learner, last_activity_at=last_activity)
    for lesson in lessons:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    return enrolment


@pytest.fixture
def small_cohort(cohort):
    lessons = course_outline(course=cohort.course).lessons
    enrol(
        cohort,
        "Anouk de Vries",
        lessons=lessons[:1],
        email="anouk@example.org",
        last_activity=datetime.datetime(2030, 3, 5, 9, 30, tzinfo=datetime.UTC),
    )
    enrol(cohort, "Bram Özdemir", lessons=lessons, email="bram@example.org")
    gone = enrol(cohort, "Cor Vertrokken", lessons=lessons[:2])
    services.enrolment_leave(enrolment=gone)
    return cohort


def progress_url(cohort, csv_export=False):
    return reverse("cohorts:progress_csv" if csv_export else "cohorts:progress", args=[cohort.pk])


def body(response):
    """The whole response: the CSV export streams."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def read_csv(response):
    assert response.streaming
    content = body(response)
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark, for Excel
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_progress_table_shows_percentages_per_module_pillar_and_course(
    client, trainer, small_cohort
):
    login_with_mfa(client, trainer)

    response = client.get(progress_url(small_cohort))

    assert response.status_code == 200
    report = response.context["report"]
    assert [row.name for row in report.rows] == ["Anouk de Vries", "Bram Özdemir"]
    anouk, bram = report.rows
    assert [t.percent for t in anouk.modules] == [50, 0]
    assert [
        (p, t.percent, t.total) for p, t in zip(report.pillars, anouk.pillars, strict=True)
    ] == [
        (Pillar.EXPERIENCE, 50, 2),
        (Pillar.LISTENING, 0, 2),
        (Pillar.BOUNDARIES, 0, 0),
    ]
    assert anouk.course.percent == 25
    assert bram.course.percent == 100 and [t.percent for t in bram.modules] == [100, 100]

    html = response.content.decode()
    assert "<caption" in html and 'scope="col"' in html and 'scope="colgroup"' in html
    assert '<th scope="row">Anouk de Vries</th>' in html
    assert "anouk@example.org" in html
    assert "Cor Vertrokken" not in html
    for pillar in Pillar:
        assert str(pillar.label) in html
    assert "25%" in html and "100%" in html
    assert 'datetime="2030-03-05T10:30:00+01:00"' in html
    assert progress_url(small_cohort, csv_export=True) in html


def test_progress_is_never_cached(client, trainer, small_cohort):
    login_with_mfa(client, trainer)

    for url in (progress_url(small_cohort), progress_url(small_cohort, csv_export=True)):
        cache_control = client.get(url)["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control


def test_empty_cohort_has_a_message_instead_of_a_table(client, trainer, cohort):
    login_with_mfa(client, trainer)

    response = client.get(progress_url(cohort))

    assert response.status_code == 200
    assert response.context["report"].rows == []
    assert 'class="listing"' not in response.content.decode()


def test_csv_export_has_the_same_numbers(client, trainer, small_cohort):
    login_with_mfa(client, trainer)

    response = client.get(progress_url(small_cohort, csv_export=True))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="groep-zuid-holland-2030-{today}.csv"'
    )
    header, *rows = read_csv(response)
    outline = course_outline(course=small_cohort.course)
    assert len(header) == 4 + len(Pillar) + len(outline.modules)
    assert [str(p.label) in cell for p, cell in zip(Pillar, header[4:7], strict=True)] == [True] * 3
    assert outline.modules[0].page.title in header[7]
    # learner, email, course %, last activity, pillars % (no boundaries module), modules %
    assert rows == [
        ["Anouk de Vries", "anouk@example.org", "25", "2030-03-05 10:30", "50", "0", "", "50", "0"],
        ["Bram Özdemir", "bram@example.org", "100", "", "100", "100", "", "100", "100"],
    ]


def test_csv_export_guards_against_formula_injection(client, trainer, cohort):
    enrol(cohort, '=HYPERLINK("https://example.org","klik")', email="formule@example.org")
    enrol(cohort, "@SUM(1+1)", email="apenstaart@example.org")
    login_with_mfa(client, trainer)

    _, *rows = read_csv(client.get(progress_url(cohort, csv_export=True)))

    names = sorted(row[0] for row in rows)
    assert names == ['\'=HYPERLINK("https://example.org","klik")', "'@SUM(1+1)"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6 12345678", "'+31 6 12345678"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("Anouk", "Anouk"),
        ("", ""),
        (50, 50),
    ],
)
def test_csv_safe(value, expected):
    assert csv_safe(value) == expected


def test_progress_query_count_does_not_grow_with_the_cohort(
    client, trainer, django_assert_max_num_queries
):
    course = build_course(modules=3, lessons_per_module=2)
    lessons = course_outline(course=course).lessons
    small = CohortFactory(course=course, trainers=[trainer])
    large = CohortFactory(course=build_course(modules=3, lessons_per_module=2), trainers=[trainer])
    large_lessons = course_outline(course=large.course).lessons
    for n in range(3):
        enrol(small, f"Cursist {n}", lessons=lessons[: n + 1])
    for n in range(30):
        enrol(large, f"Cursist {n}", lessons=large_lessons[: n % 6 + 1])
    login_with_mfa(client, trainer)
    client.get(progress_url(small))  # warm up per-process caches (content types, site)
    client.get(progress_url(large))  # and both courses' cached outlines

    for csv_export in (False, True):
        with CaptureQueriesContext(connection) as small_queries:
            small_response = client.get(progress_url(small, csv_export))
            body(small_response)
        assert small_response.status_code == 200
        with django_assert_max_num_queries(len(small_queries)):
            response = client.get(progress_url(large, csv_export))
            content = body(response)
        assert response.status_code == 200

    assert len(content.splitlines()) == 31


def test_another_trainer_cannot_see_the_progress(client, small_cohort):
    login_with_mfa(client, TrainerFactory())

    assert client.get(progress_url(small_cohort)).status_code == 404
    assert client.get(progress_url(small_cohort, csv_export=True)).status_code == 404


def test_progress_is_paginated_with_every_learner_on_some_page(client, trainer, cohort):
    from training.learning.admin_views import CohortProgressView

    per_page = CohortProgressView.paginate_by
    for n in range(per_page + 3):
        enrol(cohort, f"Cursist {n:03}")
    login_with_mfa(client, trainer)

    first = client.get(progress_url(cohort))
    second = client.get(progress_url(cohort), {"p": 2})

    assert len(first.context["report"].rows) == per_page
    names = [row.name for row in first.context["report"].rows + second.context["report"].rows]
    assert names == [f"Cursist {n:03}" for n in range(per_page + 3)]
    html = first.content.decode()
    assert 'class="pagination"' in html and "?p=2" in html
    assert f"Voortgang van {per_page + 3} actieve cursisten" in html


@pytest.mark.parametrize("page", ["999", "x", "-1"])
def test_a_page_number_out_of_range_shows_a_page_not_an_error(client, trainer, small_cohort, page):
    login_with_mfa(client, trainer)

    response = client.get(progress_url(small_cohort), {"p": page})

    assert response.status_code == 200
    assert len(response.context["report"].rows) == 2


def test_csv_export_streams_in_chunks_with_every_learner_once(cohort):
    for n in range(7):
        enrol(cohort, f"Cursist {n}")
    lines = list(reports.progress_report_csv_lines(cohort=cohort, chunk_size=3))

    assert len(lines) == 1 + 3  # header, then chunks of 3, 3 and 1 learners
    rows = list(csv.reader(io.StringIO("".join(lines).lstrip("\ufeff")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == [f"Cursist {n}" for n in range(7)]
