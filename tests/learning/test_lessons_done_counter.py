"""`Enrolment.lessons_done` always equals the true count of completed lessons in the outline."""

import io
import threading
import time

import pytest
from django.core.management import call_command
from django.db import IntegrityError, OperationalError, connection
from wagtail.models import PageViewRestriction

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    UserFactory,
    build_course,
)
from training.courses.selectors import course_outline
from training.learning import services
from training.learning.models import Enrolment, LessonProgress

pytestmark = pytest.mark.django_db


def true_count(enrolment) -> int:
    lesson_ids = course_outline(course=enrolment.course).lesson_ids
    return LessonProgress.objects.filter(enrolment=enrolment, lesson_id__in=lesson_ids).count()


def counter(enrolment) -> int:
    return Enrolment.objects.values_list("lessons_done", flat=True).get(pk=enrolment.pk)


@pytest.fixture
def enrolment():
    course = build_course(modules=2, lessons_per_module=3, sequential=False)
    return EnrolmentFactory(cohort=CohortFactory(course=course), learner=UserFactory())


def lessons(enrolment):
    return course_outline(course=enrolment.course).lessons


def test_marks_count_up_and_unmarks_count_down(enrolment):
    first, second, third = lessons(enrolment)[:3]
    for lesson in (first, second, third):
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    assert counter(enrolment) == true_count(enrolment) == 3

    assert services.lesson_uncomplete(enrolment=enrolment, lesson=second) is True
    assert counter(enrolment) == true_count(enrolment) == 2


def test_double_marks_and_double_unmarks_change_nothing(enrolment):
    lesson = lessons(enrolment)[0]
    services.lesson_complete(enrolment=enrolment, lesson=lesson)
    _progress, created = services.lesson_complete(enrolment=enrolment, lesson=lesson)
    assert created is False
    assert counter(enrolment) == true_count(enrolment) == 1

    services.lesson_uncomplete(enrolment=enrolment, lesson=lesson)
    assert services.lesson_uncomplete(enrolment=enrolment, lesson=lesson) is False
    assert counter(enrolment) == true_count(enrolment) == 0


def test_a_lesson_of_another_course_does_not_count(enrolment):
    other = build_course(modules=1, lessons_per_module=1)
    services.lesson_complete(enrolment=enrolment, lesson=course_outline(course=other).lessons[0])
    assert counter(enrolment) == true_count(enrolment) == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_marks_of_the_same_and_other_lessons_count_each_row_once(monkeypatch):
    # The test database is SQLite in memory with a shared cache, where a read
    # beside another connection's write fails at once ("table is locked")
    # instead of waiting: the listeners of progress_changed (certificate rules,
    # reads after the commit) are left out, and a refused mark is retried.
    monkeypatch.setattr(services, "announce_progress_changed", lambda **kwargs: None)
    course = build_course(modules=1, lessons_per_module=3, sequential=False)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course), learner=UserFactory())
    all_lessons = course_outline(course=course).lessons
    # Eight requests: four double clicks on the first lesson, two on each other one.
    targets = [all_lessons[0]] * 4 + [all_lessons[1]] * 2 + [all_lessons[2]] * 2
    barrier = threading.Barrier(len(targets))
    errors = []

    def mark(lesson):
        try:
            barrier.wait(timeout=10)
            for _attempt in range(200):
                try:
                    services.lesson_complete(enrolment=enrolment, lesson=lesson)
                    break
                except OperationalError as error:
                    # Shared-cache SQLite refuses instead of waiting; the
                    # browser's retry is the same call again.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.01)
            else:
                errors.append("never got through")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=mark, args=(lesson,)) for lesson in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 3
    assert counter(enrolment) == true_count(enrolment) == 3


def test_a_request_that_loses_the_race_on_the_unique_constraint_adds_nothing(
    enrolment, monkeypatch
):
    lesson = lessons(enrolment)[0]
    services.lesson_complete(enrolment=enrolment, lesson=lesson)  # the request that won

    def lost_race(**kwargs):
        raise IntegrityError("learning_one_progress_per_lesson")

    monkeypatch.setattr(LessonProgress.objects, "get_or_create", lost_race)
    _progress, created = services.lesson_complete(enrolment=enrolment, lesson=lesson)
    assert created is False
    assert counter(enrolment) == true_count(enrolment) == 1


def mark_all(enrolment):
    for lesson in lessons(enrolment):
        services.lesson_complete(enrolment=enrolment, lesson=lesson)


def test_an_unpublished_lesson_stops_counting(enrolment, django_capture_on_commit_callbacks):
    mark_all(enrolment)
    assert counter(enrolment) == 6
    lesson = lessons(enrolment)[1].specific
    with django_capture_on_commit_callbacks(execute=True):
        lesson.unpublish()
    assert counter(enrolment) == true_count(enrolment) == 5

    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    assert counter(enrolment) == true_count(enrolment) == 6


def test_a_deleted_module_stops_counting(enrolment, django_capture_on_commit_callbacks):
    mark_all(enrolment)
    module = course_outline(course=enrolment.course).modules[0].page
    with django_capture_on_commit_callbacks(execute=True):
        module.delete()
    assert counter(enrolment) == true_count(enrolment) == 3


def test_a_lesson_moved_to_another_course_counts_there_not_here(
    enrolment, django_capture_on_commit_callbacks
):
    mark_all(enrolment)
    other_course = build_course(modules=1, lessons_per_module=1)
    elsewhere = EnrolmentFactory(cohort=CohortFactory(course=other_course), learner=UserFactory())
    lesson = lessons(enrolment)[0]
    # The learner of the other course had done it before (progress rows stay with a lesson).
    LessonProgress.objects.create(enrolment=elsewhere, lesson=lesson)
    target = course_outline(course=other_course).modules[0].page
    with django_capture_on_commit_callbacks(execute=True):
        lesson.move(target, pos="last-child")
    assert counter(enrolment) == true_count(enrolment) == 5
    assert counter(elsewhere) == true_count(elsewhere) == 1


def test_a_view_restriction_on_a_module_stops_its_lessons_counting(
    enrolment, django_capture_on_commit_callbacks
):
    mark_all(enrolment)
    module = course_outline(course=enrolment.course).modules[1].page
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=module, restriction_type=PageViewRestriction.LOGIN
        )
    assert counter(enrolment) == true_count(enrolment) == 3
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert counter(enrolment) == true_count(enrolment) == 6


def test_a_new_lesson_leaves_the_count_and_raises_the_total(
    enrolment, django_capture_on_commit_callbacks
):
    mark_all(enrolment)
    module = course_outline(course=enrolment.course).modules[0].page
    with django_capture_on_commit_callbacks(execute=True):
        LessonPageFactory(parent=module, live=False).save_revision().publish()
    assert counter(enrolment) == true_count(enrolment) == 6
    assert len(course_outline(course=enrolment.course).lesson_ids) == 7


def test_the_recount_command_repairs_a_drifted_counter(enrolment):
    mark_all(enrolment)
    # Drifted, with its pillar counters adding up to it (the check constraint).
    Enrolment.objects.filter(pk=enrolment.pk).update(lessons_done=99, experience_done=96)
    out = io.StringIO()
    call_command("learning_recount_progress", stdout=out)
    assert "1 changed" in out.getvalue()
    assert counter(enrolment) == true_count(enrolment) == 6
