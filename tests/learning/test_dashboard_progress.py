"""The dashboard reads a learner's progress once, from the counters and the course index,
and shows what the full progress computation over the outline shows (issue 25)."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CohortFactory, EnrolmentFactory, build_course
from training.courses.pillars import Pillar
from training.courses.selectors import course_outline
from training.learning import services
from training.learning.models import Enrolment, LessonProgress
from training.learning.selectors import course_progress, learner_dashboard

pytestmark = pytest.mark.django_db


def test_the_dashboard_reads_the_completed_lessons_once_with_the_certificate_rules_on(client):
    course = build_course(modules=3, lessons_per_module=2, sequential=False)
    assert course.require_all_lessons  # the certificate's lessons rule counts them too
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    for lesson in course_outline(course=course).lessons[:4]:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    client.force_login(enrolment.learner)
    client.get(reverse("learning:dashboard"))  # the content caches

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("learning:dashboard"))

    reads = [q["sql"] for q in queries if 'FROM "learning_lessonprogress"' in q["sql"]]
    assert len(reads) == 1, reads
    page = response.content.decode()
    assert "4 van 6 lessen afgerond" in page  # the certificate's checklist
    assert "4 van 6" in page


def test_dashboard_progress_equals_the_progress_over_the_outline():
    course = build_course(modules=6, lessons_per_module=2, sequential=False)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    lessons = course_outline(course=course).lessons
    for lesson in lessons[0:3] + lessons[5:6] + lessons[9:10]:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)

    [entry] = learner_dashboard(user=enrolment.learner)
    reference = course_progress(enrolment=Enrolment.objects.get(pk=enrolment.pk))
    assert entry.progress.course == reference.course
    assert entry.progress.pillar_rows() == reference.pillar_rows()
    assert [tally.done for _pillar, tally in entry.progress.pillar_rows()] == [2, 2, 1]
    assert [pillar for pillar, _tally in entry.progress.pillar_rows()] == list(Pillar)


@pytest.mark.parametrize("sequential", [False, True])
def test_the_next_lesson_from_the_index_is_the_one_over_the_outline(sequential):
    from training.courses.selectors import course_index
    from training.learning.selectors import index_next_lesson

    course = build_course(modules=3, lessons_per_module=3, sequential=sequential)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    outline = course_outline(course=course)
    index = course_index(course=course)
    ids = [lesson.pk for lesson in outline.lessons]
    rng = random.Random(25)
    states = [set(), set(ids), set(ids[:3]), set(ids[:2]) | {ids[4]}, set(ids[:6]) - {ids[1]}]
    states += [set(rng.sample(ids, rng.randint(0, len(ids)))) for _ in range(25)]
    for completed in states:
        LessonProgress.objects.filter(enrolment=enrolment).delete()
        LessonProgress.objects.bulk_create(
            LessonProgress(enrolment=enrolment, lesson_id=pk) for pk in completed
        )
        for last in [None, *rng.sample(ids, 3)]:
            expected = course_progress(enrolment=enrolment).next_lesson(last)
            found = index_next_lesson(
                index=index, completed=completed, last_lesson_id=last, sequential=sequential
            )
            assert (found and (found.pk, found.title, found.url)) == (
                expected and (expected.pk, expected.title, expected.url)
            ), (sorted(completed), last)
