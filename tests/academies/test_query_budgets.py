"""Listings stay O(page) as academies, trainers and learners grow (issue 24).

Every admin listing of an academy's trainer, administrator and staff member, and the
platform's listings for a superuser, make the same number of queries with 2 academies
as with 25 (each with its team, a cohort, learners, reflections and certificates),
and no listing aggregates over every academy's rows to show one page: counts are
per row of the page, and long lists are paged. (`scripts/bench_scaling.py` measures
the time at 300 academies × 10 trainers × 200 learners; here the queries.)
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    ReflectionAssignmentPageFactory,
    UserFactory,
    academy_create,
    academy_person,
    build_course,
    login_with_mfa,
    submitted_reflection,
)

pytestmark = pytest.mark.django_db

LISTINGS = {
    "trainer": ["cohorts:index", "certificates_admin:index", "reflection_queue:index"],
    "administrator": [
        "cohorts:index",
        "certificates_admin:index",
        "reflection_queue:index",
        "academy_team:index",
    ],
    "staff": ["wagtailadmin_home"],
    "superuser": [
        "academies_admin:index",
        "cohorts:index",
        "certificates_admin:index",
        "reflection_queue:index",
        "academy_team:index",
    ],
}


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.fixture
def shared_course():
    course = build_course(modules=1, lessons_per_module=1, sequential=False)
    assignment = ReflectionAssignmentPageFactory(parent=course.get_children().first())
    return course, assignment


def academy_with_work(course, assignment, *, learners=2):
    """An academy with its administrator, trainer and staff member, and a cohort of the
    shared course whose learners each submitted a reflection and hold a certificate."""
    academy = academy_create()
    people = {role: academy_person(academy, role) for role in ("administrator", "trainer", "staff")}
    cohort = CohortFactory(academy=academy, course=course, trainers=[people["trainer"]])
    for _ in range(learners):
        enrolment = EnrolmentFactory(cohort=cohort)
        submitted_reflection(enrolment=enrolment, assignment=assignment)
        CertificateFactory(enrolment=enrolment)
    return academy, people


def grow(academy, *, cohorts=1, learners=2, trainers=1):
    for _ in range(trainers):
        academy_person(academy, "trainer")
    for _ in range(cohorts):
        cohort = CohortFactory(academy=academy, trainers=[])
        for _ in range(learners):
            EnrolmentFactory(cohort=cohort)


def outer_query(sql: str) -> str:
    """`sql` without its subqueries (whatever stands between parentheses)."""
    while True:
        shorter = re.sub(r"\([^()]*\)", "", sql)
        if shorter == sql:
            return sql
        sql = shorter


def listing_queries(clients) -> dict[str, int]:
    return {
        f"{role}: {name}": queries(clients[role], reverse(name))
        for role, names in LISTINGS.items()
        for name in names
    }


def test_every_admin_listing_costs_the_same_queries_with_2_and_25_academies(shared_course):
    _, people = academy_with_work(*shared_course)
    academy_with_work(*shared_course)
    clients = {role: login_with_mfa(Client(), person) for role, person in people.items()}
    clients["superuser"] = login_with_mfa(Client(), UserFactory(is_superuser=True, is_staff=True))
    small = listing_queries(clients)
    for _ in range(23):
        academy_with_work(*shared_course)

    assert listing_queries(clients) == small


def test_the_platform_overview_counts_per_row_of_the_page_not_over_every_academy(
    client, shared_course
):
    """The counts come from one small subquery per academy shown, not from a GROUP BY
    over the join of every academy's roles, cohorts, enrolments and certificates
    (at 300 academies that join took 1.7 s for a page of 20)."""
    academy, _ = academy_with_work(*shared_course, learners=3)
    academy_person(academy, "trainer")
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("academies_admin:index"))

    listing = [q["sql"] for q in captured if 'FROM "academies_academy"' in q["sql"]]
    assert listing
    assert not any("GROUP BY" in outer_query(sql) for sql in listing)
    row = next(row for row in response.context["object_list"] if row.pk == academy.pk)
    counts = (row.trainer_count, row.cohort_count, row.learner_count, row.certificate_count)
    assert counts == (2, 1, 3, 3)


def test_the_platform_overview_costs_the_same_for_3_and_30_academies(client):
    """The four counts per academy come in the page's one query (a subquery per count),
    whatever the number of academies: a page of 30 costs what a page of 3 does."""
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    for number in range(3):
        grow(academy_create(f"Academie {number:02}"))
    url = reverse("academies_admin:index")
    three = queries(client, url)
    for number in range(3, 30):
        grow(academy_create(f"Academie {number:02}"), learners=1)
    assert queries(client, url) == three
    assert queries(client, url + "?p=2") == three


def test_an_academy_administrators_listings_cost_the_same_for_more_cohorts(client):
    academy = academy_create("Academie A")
    admin = academy_person(academy, "administrator")
    grow(academy)
    login_with_mfa(client, admin)
    urls = [reverse("cohorts:index"), reverse("academy_team:index")]
    small = [queries(client, url) for url in urls]
    grow(academy, cohorts=3, learners=3, trainers=3)
    grow(academy_create("Academie B"), cohorts=2)
    assert [queries(client, url) for url in urls] == small


def test_the_cohort_listing_counts_learners_per_row_of_the_page(client, shared_course):
    academy, people = academy_with_work(*shared_course, learners=3)
    login_with_mfa(client, people["administrator"])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("cohorts:index"))

    listing = [q["sql"] for q in captured if 'FROM "learning_cohort"' in q["sql"]]
    assert listing
    assert not any('JOIN "learning_enrolment"' in outer_query(sql) for sql in listing), (
        "the page's cohorts joined to every enrolment"
    )
    assert response.context["object_list"][0].active_enrolments == 3


def test_the_reflection_groups_page_shows_one_page_of_groups(client, shared_course):
    course, _ = shared_course
    trainer = academy_with_work(*shared_course)[1]["trainer"]
    academy = trainer.academy_roles.get().academy
    for _ in range(60):
        CohortFactory(academy=academy, course=course, trainers=[trainer])
    login_with_mfa(client, trainer)

    first = client.get(reverse("reflection_queue:index"))
    last = client.get(reverse("reflection_queue:index") + "?p=2")

    assert len(first.context["rows"]) == 50
    assert len(last.context["rows"]) == 11
    assert first.context["page_obj"].paginator.count == 61
    assert "?p=2" in first.content.decode()


def test_the_staff_overview_and_the_invitations_cost_the_same_for_more_rows(client):
    from tests.factories import CertificateFactory
    from training.academies.services import academy_invitation_create

    def full_queries(url) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            if response.streaming:  # the export runs its queries while it streams
                b"".join(response.streaming_content)
        assert response.status_code == 200
        return len(captured)

    academy = academy_create("Academie A")
    admin = academy_person(academy, "administrator")
    grow(academy)
    academy_invitation_create(academy=academy, email="al@example.org", role="staff", user=admin)
    login_with_mfa(client, admin)
    urls = [
        reverse("academy_overview:index"),
        reverse("academy_overview:index") + "?export=csv",
        reverse("academy_invitations:index"),
    ]
    small = [full_queries(url) for url in urls]
    grow(academy, cohorts=3, learners=3)
    for enrolment in academy.cohorts.first().enrolments.all():
        CertificateFactory(enrolment=enrolment)
    for number in range(4):
        academy_invitation_create(
            academy=academy, email=f"nieuw{number}@example.org", role="trainer", user=admin
        )
    grow(academy_create("Academie B"), cohorts=2)
    assert [full_queries(url) for url in urls] == small
