"""The dashboard's cost does not grow with course size, and it reads no lesson bodies."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CohortFactory, EnrolmentFactory, build_course

pytestmark = pytest.mark.django_db


def dashboard_queries(client, catalog, lessons_per_module):
    course = build_course(catalog=catalog, modules=3, lessons_per_module=lessons_per_module)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.learner)
    assert client.get(reverse("learning:dashboard")).status_code == 200  # warm the caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("learning:dashboard")).status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_dashboard_reads_no_lesson_bodies_once_content_is_cached(client, catalog):
    queries = dashboard_queries(client, catalog, lessons_per_module=10)

    assert not [sql for sql in queries if '"courses_lessonpage"."body"' in sql]
    assert not [sql for sql in queries if "courses_lessonpage" in sql and " LIKE " in sql]


def test_dashboard_queries_do_not_grow_with_course_size(
    client, catalog, django_assert_max_num_queries
):
    small = dashboard_queries(client, catalog, lessons_per_module=1)
    large = dashboard_queries(client, catalog, lessons_per_module=20)

    assert len(large) == len(small)
    with django_assert_max_num_queries(len(small)):
        client.get(reverse("learning:dashboard"))
