"""`Enrolment`'s per-pillar lesson counters always equal the true counts over the outline,
and always add up to `lessons_done` (a check constraint) (issue 25)."""

import importlib
import io
import threading
import time

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F

from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, build_course
from training.courses.pillars import Pillar
from training.courses.selectors import course_outline
from training.learning import services
from training.learning.models import Enrolment, LessonProgress

pytestmark = pytest.mark.django_db


def true_counts(enrolment) -> dict[Pillar, int]:
    """Completed lessons per pillar, from the progress rows and the outline."""
    done = set(
        LessonProgress.objects.filter(enrolment=enrolment).values_list("lesson_id", flat=True)
    )
    counts = dict.fromkeys(Pillar, 0)
    for module in course_outline(course=enrolment.course).modules:
        counts[module.pillar] += len(module.lesson_ids & done)
    return counts


def counters(enrolment) -> dict[Pillar, int]:
    fresh = Enrolment.objects.get(pk=enrolment.pk)
    return {pillar: fresh.pillar_lessons_done(pillar) for pillar in Pillar}


def assert_right(enrolment):
    fresh = Enrolment.objects.get(pk=enrolment.pk)
    assert counters(enrolment) == true_counts(enrolment)
    assert sum(counters(enrolment).values()) == fresh.lessons_done


@pytest.fixture
def enrolment():
    # Six modules cycling through the three pillars, two lessons each.
    course = build_course(modules=6, lessons_per_module=2, sequential=False)
    return EnrolmentFactory(cohort=CohortFactory(course=course), learner=UserFactory())


def lessons_of(enrolment, pillar):
    outline = course_outline(course=enrolment.course)
    return [lesson for m in outline.modules if m.pillar == pillar for lesson in m.lessons]


def test_marks_count_up_in_their_pillar_and_unmarks_count_down(enrolment):
    listening = lessons_of(enrolment, Pillar.LISTENING)
    boundaries = lessons_of(enrolment, Pillar.BOUNDARIES)
    for lesson in listening[:3] + boundaries[:1]:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    assert counters(enrolment) == {Pillar.EXPERIENCE: 0, Pillar.LISTENING: 3, Pillar.BOUNDARIES: 1}
    assert_right(enrolment)

    services.lesson_uncomplete(enrolment=enrolment, lesson=listening[1])
    assert counters(enrolment)[Pillar.LISTENING] == 2
    assert_right(enrolment)


def test_double_marks_and_retries_after_a_lost_race_count_once(enrolment, monkeypatch):
    lesson = lessons_of(enrolment, Pillar.EXPERIENCE)[0]
    services.lesson_complete(enrolment=enrolment, lesson=lesson)
    services.lesson_complete(enrolment=enrolment, lesson=lesson)  # the double click

    def lost_race(**kwargs):
        raise IntegrityError("learning_one_progress_per_lesson")

    monkeypatch.setattr(LessonProgress.objects, "get_or_create", lost_race)
    services.lesson_complete(enrolment=enrolment, lesson=lesson)  # the retry that lost
    assert counters(enrolment)[Pillar.EXPERIENCE] == 1
    assert_right(enrolment)

    monkeypatch.undo()
    services.lesson_uncomplete(enrolment=enrolment, lesson=lesson)
    assert services.lesson_uncomplete(enrolment=enrolment, lesson=lesson) is False
    assert counters(enrolment)[Pillar.EXPERIENCE] == 0
    assert_right(enrolment)


def test_the_database_refuses_pillar_counters_that_do_not_add_up(enrolment):
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.filter(pk=enrolment.pk).update(listening_done=F("listening_done") + 1)


def test_a_module_moved_to_another_pillar_moves_its_lessons_at_the_recount(
    enrolment, django_capture_on_commit_callbacks
):
    for lesson in course_outline(course=enrolment.course).lessons:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    assert counters(enrolment) == dict.fromkeys(Pillar, 4)
    module = course_outline(course=enrolment.course).modules[0].page.specific
    assert module.pillar == Pillar.EXPERIENCE
    module.pillar = Pillar.BOUNDARIES
    with django_capture_on_commit_callbacks(execute=True):
        module.save_revision().publish()
    assert counters(enrolment) == {Pillar.EXPERIENCE: 2, Pillar.LISTENING: 4, Pillar.BOUNDARIES: 6}
    assert_right(enrolment)


def test_the_recount_command_repairs_drifted_pillar_counters(enrolment):
    for lesson in lessons_of(enrolment, Pillar.LISTENING):
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    # Drifted, but adding up (the constraint): three listening lessons counted as boundaries.
    Enrolment.objects.filter(pk=enrolment.pk).update(listening_done=1, boundaries_done=3)
    out = io.StringIO()
    call_command("learning_recount_progress", stdout=out)
    assert "1 changed" in out.getvalue()
    assert counters(enrolment)[Pillar.LISTENING] == 4
    assert_right(enrolment)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_marks_and_unmarks_leave_every_pillar_right(monkeypatch):
    # As in test_lessons_done_counter: shared-cache SQLite refuses instead of
    # waiting, so a refused request is retried (the browser's retry) and the
    # listeners of progress_changed are left out.
    monkeypatch.setattr(services, "announce_progress_changed", lambda **kwargs: None)
    course = build_course(modules=3, lessons_per_module=2, sequential=False)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course), learner=UserFactory())
    outline = course_outline(course=course)
    first, second = outline.modules[0].lessons, outline.modules[1].lessons
    services.lesson_complete(enrolment=enrolment, lesson=second[1])
    # Double clicks on two lessons of one pillar, one of another, an unmark of a third.
    calls = [(services.lesson_complete, first[0])] * 3 + [(services.lesson_complete, first[1])] * 2
    calls += [(services.lesson_complete, second[0])] * 2 + [(services.lesson_uncomplete, second[1])]
    barrier = threading.Barrier(len(calls))
    errors = []

    def call(function, lesson):
        try:
            barrier.wait(timeout=10)
            for _attempt in range(200):
                try:
                    function(enrolment=enrolment, lesson=lesson)
                    break
                except OperationalError as error:
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.01)
            else:
                errors.append("never got through")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=call, args=pair) for pair in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert counters(enrolment) == {
        outline.modules[0].pillar: 2,
        outline.modules[1].pillar: 1,
        outline.modules[2].pillar: 0,
    }
    assert_right(enrolment)


def test_the_migration_counts_the_rows_there_are(enrolment):
    migration = importlib.import_module(
        "training.learning.migrations.0005_enrolment_pillar_counters"
    )
    outline = course_outline(course=enrolment.course)
    # Rows written before the counters existed (nothing counted them).
    elsewhere = course_outline(course=build_course(modules=1)).lessons[0]  # another course
    LessonProgress.objects.bulk_create(
        LessonProgress(enrolment=enrolment, lesson=lesson)
        for lesson in [*outline.lessons[:5], elsewhere]
    )
    assert Enrolment.objects.get(pk=enrolment.pk).lessons_done == 0

    migration.count_existing(apps, None)
    assert counters(enrolment) == {Pillar.EXPERIENCE: 2, Pillar.LISTENING: 2, Pillar.BOUNDARIES: 1}
    assert_right(enrolment)
