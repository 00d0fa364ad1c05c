"""A learner's lesson page and dashboard cost the same queries at 3, 60 or 300 lessons."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CohortFactory, EnrolmentFactory, build_course
from training.courses.models import LessonPage
from training.learning import services

pytestmark = pytest.mark.django_db

# Measured: 13 each (session, user, enrolment, progress, the page itself in
# one query as its route is cached, the learner's own answers and work, the
# last-visit update): nothing per lesson or per tree level. The dashboard has
# one more per course: the skills lab's line (waiting for a group, or ready).
LESSON_PAGE_BUDGET = 13
DASHBOARD_BUDGET = 14


def lesson_page_and_dashboard_queries(client, lessons_per_module) -> tuple[int, int]:
    course = build_course(modules=3, lessons_per_module=lessons_per_module, sequential=False)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    for lesson in lessons[: len(lessons) // 2]:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    client.force_login(enrolment.learner)
    url = lessons[-1].url
    client.get(url)  # the content caches and the route, once per publish
    client.get(reverse("learning:dashboard"))
    with CaptureQueriesContext(connection) as page:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as dashboard:
        assert client.get(reverse("learning:dashboard")).status_code == 200
    return len(page), len(dashboard)


def test_lesson_page_and_dashboard_queries_do_not_grow_with_course_size(client):
    sizes = {n: lesson_page_and_dashboard_queries(client, n) for n in (1, 100)}  # 3, 300

    assert len(set(sizes.values())) == 1, sizes
    page, dashboard = sizes[100]
    assert page <= LESSON_PAGE_BUDGET
    assert dashboard <= DASHBOARD_BUDGET
