"""Listings stay O(page) in queries as academies, trainers and learners grow.

The platform overview (counts per academy) and an academy administrator's cohort and
team listings make the same number of queries with 1 academy or 4, 1 cohort or 4.
(`scripts/bench_scaling.py` measures time at larger sizes; here the query count.)
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    academy_create,
    academy_person,
    login_with_mfa,
)

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def grow(academy, *, cohorts=1, learners=2, trainers=1):
    for _ in range(trainers):
        academy_person(academy, "trainer")
    for _ in range(cohorts):
        cohort = CohortFactory(academy=academy, trainers=[])
        for _ in range(learners):
            EnrolmentFactory(cohort=cohort)


def test_the_platform_overview_costs_the_same_for_more_academies(client):
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    grow(academy_create("Academie 1"))
    small = queries(client, reverse("academies_admin:index"))
    for number in range(2, 5):
        grow(academy_create(f"Academie {number}"), cohorts=2, learners=3, trainers=2)
    assert queries(client, reverse("academies_admin:index")) == small


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
