"""Cohort progress: searching, filtering by status and sorting, at a fixed query cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CohortFactory, build_course, login_with_mfa
from tests.learning.test_cohort_progress import enrol, progress_url
from training.courses.selectors import course_outline

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(trainer):
    course = build_course(modules=2, lessons_per_module=2)
    cohort = CohortFactory(course=course, trainers=[trainer])
    lessons = course_outline(course=course).lessons
    enrol(cohort, "Anouk Klaar", lessons=lessons, email="anouk@example.org")
    enrol(cohort, "Bram Bezig", lessons=lessons[:1], email="bram@example.org")
    enrol(cohort, "Cor Nognietbegonnen", email="cor@example.org")
    enrol(cohort, "Dewi Bijnaklaar", lessons=lessons[:3], email="dewi@example.org")
    return cohort


def names(response):
    assert response.status_code == 200
    return [row.name for row in response.context["report"].rows]


@pytest.mark.parametrize(
    "status, expected",
    [
        ("done", ["Anouk Klaar"]),
        ("in_progress", ["Bram Bezig", "Dewi Bijnaklaar"]),
        ("not_started", ["Cor Nognietbegonnen"]),
        ("", ["Anouk Klaar", "Bram Bezig", "Cor Nognietbegonnen", "Dewi Bijnaklaar"]),
    ],
)
def test_filter_by_status(client, trainer, cohort, status, expected):
    login_with_mfa(client, trainer)
    assert names(client.get(progress_url(cohort), {"status": status})) == expected


def test_the_status_labels_are_dutch(client, trainer, cohort):
    login_with_mfa(client, trainer)
    html = client.get(progress_url(cohort)).content.decode()
    assert "Klaar" in html and "Bezig" in html and "Niet begonnen" in html


def test_search_by_name_or_email(client, trainer, cohort):
    login_with_mfa(client, trainer)
    assert names(client.get(progress_url(cohort), {"q": "bram"})) == ["Bram Bezig"]
    assert names(client.get(progress_url(cohort), {"q": "dewi@example"})) == ["Dewi Bijnaklaar"]
    response = client.get(progress_url(cohort), {"q": "niemand"})
    assert names(response) == []
    assert "Geen cursist" in response.content.decode()


def test_sort_by_progress_and_by_name(client, trainer, cohort):
    login_with_mfa(client, trainer)
    assert names(client.get(progress_url(cohort), {"sort": "-progress"})) == [
        "Anouk Klaar",
        "Dewi Bijnaklaar",
        "Bram Bezig",
        "Cor Nognietbegonnen",
    ]
    assert names(client.get(progress_url(cohort), {"sort": "progress"}))[0] == (
        "Cor Nognietbegonnen"
    )
    assert names(client.get(progress_url(cohort), {"sort": "-name"}))[0] == "Dewi Bijnaklaar"


def test_unknown_filter_values_are_ignored_not_an_error(client, trainer, cohort):
    login_with_mfa(client, trainer)
    response = client.get(progress_url(cohort), {"status": "x", "sort": "'; drop", "p": "x"})
    assert len(names(response)) == 4


def test_filters_stay_in_the_page_links(client, trainer, cohort):
    for n in range(55):
        enrol(cohort, f"Zzz Cursist {n:02}")
    login_with_mfa(client, trainer)
    html = client.get(progress_url(cohort), {"status": "not_started"}).content.decode()
    assert "status=not_started" in html and "p=2" in html


def test_a_filtered_sorted_page_costs_the_same_for_a_small_or_large_cohort(
    client, trainer, cohort, django_assert_max_num_queries
):
    large = CohortFactory(course=cohort.course, trainers=[trainer])
    lessons = course_outline(course=cohort.course).lessons
    for n in range(60):
        enrol(large, f"Cursist {n:02}", lessons=lessons[: n % 5])
    login_with_mfa(client, trainer)
    params = {"status": "in_progress", "sort": "-progress"}
    client.get(progress_url(cohort), params)
    client.get(progress_url(large), params)

    with CaptureQueriesContext(connection) as small:
        client.get(progress_url(cohort), params)
    with django_assert_max_num_queries(len(small)):
        response = client.get(progress_url(large), params)
    assert len(names(response)) == 36  # 1 to 3 of 4 lessons: 3 of every 5, on one page
