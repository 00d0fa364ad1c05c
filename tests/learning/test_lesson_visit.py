"""Opening a lesson remembers it for "carry on where you were", without a write per view.

A learner reading, marking done (which sends them back to the same lesson) or
reloading would otherwise write their enrolment row on every view: on SQLite
each such write takes the database's one write lock. The visit is written when
the lesson changes, or when the last one written is older than the resolution.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import WEDNESDAY_NOON
from tests.factories import CohortFactory, EnrolmentFactory, build_course
from training.courses.models import LessonPage
from training.learning.models import Enrolment
from training.learning.services import VISIT_RESOLUTION

pytestmark = pytest.mark.django_db


@pytest.fixture
def reading(client, pinned_clock):
    clock = pinned_clock(WEDNESDAY_NOON)
    course = build_course(modules=1, lessons_per_module=2, sequential=False)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    first, second = LessonPage.objects.descendant_of(course).order_by("path")
    client.force_login(enrolment.learner)
    return clock, enrolment, first, second


def _enrolment_writes(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries if q["sql"].startswith('UPDATE "learning_enrolment"')]


def test_the_first_view_of_a_lesson_is_remembered(client, reading):
    _clock, enrolment, first, _second = reading

    assert len(_enrolment_writes(client, first.url)) == 1

    enrolment.refresh_from_db()
    assert enrolment.last_lesson_id == first.pk
    assert enrolment.last_activity_at == WEDNESDAY_NOON


def test_viewing_the_same_lesson_again_soon_writes_nothing(client, reading):
    clock, _enrolment, first, _second = reading
    client.get(first.url)
    clock.shift(VISIT_RESOLUTION - datetime.timedelta(seconds=1))

    assert _enrolment_writes(client, first.url) == []


def test_another_lesson_is_remembered_at_once(client, reading):
    clock, enrolment, first, second = reading
    client.get(first.url)
    clock.shift(datetime.timedelta(seconds=10))

    assert len(_enrolment_writes(client, second.url)) == 1
    assert Enrolment.objects.get(pk=enrolment.pk).last_lesson_id == second.pk


def test_the_same_lesson_later_moves_the_last_activity_on(client, reading):
    clock, enrolment, first, _second = reading
    client.get(first.url)
    clock.shift(VISIT_RESOLUTION)

    assert len(_enrolment_writes(client, first.url)) == 1
    enrolment.refresh_from_db()
    assert enrolment.last_activity_at == WEDNESDAY_NOON + VISIT_RESOLUTION
