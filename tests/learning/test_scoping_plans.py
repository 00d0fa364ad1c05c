"""The trainer rule finds a person's cohorts from their own rows, through indexes
(issue 24: 300 academies hold 3,000 cohorts).

`cohorts_trained_by` sits under every trainer's admin page, often several times.
Its rule is a few EXISTS tests per cohort; asked of every cohort on the platform
they cost a scan of the whole table on each call. The database's own query plan
must show no full scan of the cohorts (on PostgreSQL with sequential scans
discouraged, since on a table this small the planner would pick one anyway).
"""

import pytest
from django.db import connection, transaction

from tests.factories import CohortFactory, academy_create, academy_person, build_course
from training.learning.permissions import cohorts_trained_by

pytestmark = pytest.mark.django_db


def full_scans_of_cohorts(queryset) -> list[str]:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
            plan = queryset.explain()
            return [line for line in plan.splitlines() if "Seq Scan on learning_cohort" in line]
        plan = queryset.explain()
        return [
            line for line in plan.splitlines() if line.split()[3:5] == ["SCAN", "learning_cohort"]
        ]


@pytest.mark.parametrize("role", ["trainer", "administrator"])
def test_a_trainers_cohorts_are_found_without_scanning_every_cohort(role):
    course = build_course(modules=1, lessons_per_module=1)
    academy = academy_create()
    person = academy_person(academy, role)
    mine = CohortFactory(academy=academy, course=course, trainers=[person])
    other = CohortFactory(academy=academy_create(), course=course)

    trained = cohorts_trained_by(person)

    assert mine in trained and other not in trained
    assert full_scans_of_cohorts(trained.values("pk")) == []
