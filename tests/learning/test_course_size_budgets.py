"""Every page of a signed-in learner costs the same queries at 3 and at 300 lessons,
within a budget per page (issue 25): nothing per lesson, per module or per tree level.

The budgets are the measured counts under the test settings (locmem cache: a
cache read is no query here; with production's database cache the session, the
content generation and the header flags are one round trip each).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ReflectionAssignmentPageFactory,
    build_course,
)
from training.assessments.reflections import services as reflection_services
from training.courses.models import LessonPage, ModulePage
from training.learning import services

pytestmark = pytest.mark.django_db

# Measured (after the header's flags were cached: 3 fewer on every page): session
# and user, then what the page needs. The lesson page: the page (its route is
# cached), Wagtail's view-restriction check (2), the course, enrolment, progress
# (the last-visit update only when the lesson changes or 5 minutes passed). The
# dashboard reads the completed lessons once (the certificate's lessons rule
# uses the dashboard's read: 17 -> 16), its tallies come from the enrolment's
# counters, it asks the assessments and practice apps for their lines, and it
# looks for open academy invitations to the learner's verified address (+1);
# "my certificates" adds the associations' offers.
BUDGETS = {
    "lesson": 9,
    "module": 11,
    "course": 8,
    "reflection assignment": 11,
    "dashboard": 17,
    "my reflections": 3,
    "my feedback": 4,
    "my certificates": 18,
    "my practice": 7,
    "my data": 4,
    "my profile": 4,
}


def _personal_pages(course, assignment, lesson):
    module = ModulePage.objects.child_of(course).first()
    return {
        "lesson": lesson.url,
        "module": module.url,
        "course": course.url,
        "reflection assignment": assignment.url,
        "dashboard": reverse("learning:dashboard"),
        "my reflections": reverse("reflections:index"),
        "my feedback": reverse("reflections:my_feedback"),
        "my certificates": reverse("certificates:mine"),
        "my practice": reverse("practice:mine"),
        "my data": reverse("privacy:overview"),
        "my profile": reverse("accounts:profile"),
    }


def personal_page_queries(client, lessons_per_module) -> dict[str, int]:
    course = build_course(modules=3, lessons_per_module=lessons_per_module, sequential=False)
    module = ModulePage.objects.child_of(course).first()
    assignment = ReflectionAssignmentPageFactory(parent=module)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    for lesson in lessons[: len(lessons) // 2]:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    draft = reflection_services.submission_get_or_create(enrolment=enrolment, assignment=assignment)
    reflection_services.draft_save(
        submission=draft, text="Ik luisterde en vroeg door.", base_revision=0
    )
    client.force_login(enrolment.learner)
    counts = {}
    for name, url in _personal_pages(course, assignment, lessons[-1]).items():
        assert client.get(url).status_code == 200, name  # the content caches, once per publish
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, name
        counts[name] = len(queries)
    return counts


def test_every_personal_page_costs_the_same_queries_at_3_and_300_lessons(client):
    small = personal_page_queries(client, lessons_per_module=1)  # 3 lessons
    large = personal_page_queries(client, lessons_per_module=100)  # 300 lessons

    assert large == small
    over = {name: (count, BUDGETS[name]) for name, count in large.items() if count > BUDGETS[name]}
    assert over == {}, "pages over their query budget (measured, budget)"
