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
