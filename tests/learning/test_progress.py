import pytest

from tests.factories import CohortFactory, EnrolmentFactory, build_course
from training.courses.models import LessonPage, ModulePage
from training.courses.pillars import Pillar
from training.courses.selectors import course_outline
from training.learning import services
from training.learning.selectors import cohort_progress, course_progress, learner_dashboard

pytestmark = pytest.mark.django_db


def _lessons(course):
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def test_progress_per_course_module_and_pillar():
    course = build_course(modules=3, lessons_per_module=2)  # one module per pillar
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    lessons = _lessons(course)
    for lesson in lessons[:3]:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)

    progress = course_progress(enrolment=enrolment)

    assert (progress.course.done, progress.course.total, progress.course.percent) == (3, 6, 50)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    assert progress.modules[modules[0].pk].complete
    assert progress.modules[modules[1].pk].percent == 50
    assert [p for p, _ in progress.pillar_rows()] == list(Pillar)
    assert progress.pillars[Pillar.EXPERIENCE].percent == 100
    assert progress.pillars[Pillar.BOUNDARIES].percent == 0


def test_sequential_course_locks_later_modules_until_earlier_ones_are_done():
    course = build_course(modules=3, lessons_per_module=1, sequential=True)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    first, second, third = _lessons(course)

    progress = course_progress(enrolment=enrolment)
    assert not progress.is_locked(first.pk)
    assert progress.is_locked(second.pk) and progress.is_locked(third.pk)

    services.lesson_complete(enrolment=enrolment, lesson=first)
    progress = course_progress(enrolment=enrolment)
    assert not progress.is_locked(second.pk) and progress.is_locked(third.pk)


def test_free_order_course_locks_nothing():
    course = build_course(modules=3, lessons_per_module=1, sequential=False)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    progress = course_progress(enrolment=enrolment)
    assert progress.locked_module_ids == set()


def test_next_lesson_is_the_last_opened_unless_done_then_the_first_open_one():
    course = build_course(modules=1, lessons_per_module=3, sequential=False)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    first, second, third = _lessons(course)

    assert course_progress(enrolment=enrolment).next_lesson(None).pk == first.pk
    assert course_progress(enrolment=enrolment).next_lesson(third.pk).pk == third.pk
    services.lesson_complete(enrolment=enrolment, lesson=third)
    services.lesson_complete(enrolment=enrolment, lesson=first)
    assert course_progress(enrolment=enrolment).next_lesson(third.pk).pk == second.pk


def test_dashboard_lists_active_courses_only():
    enrolment = EnrolmentFactory()
    left = EnrolmentFactory(learner=enrolment.learner)
    services.enrolment_leave(enrolment=left)

    entries = learner_dashboard(user=enrolment.learner)

    assert [e.enrolment.pk for e in entries] == [enrolment.pk]


def test_cohort_progress_query_count_is_flat(django_assert_max_num_queries):
    cohort = CohortFactory()
    outline = course_outline(course=cohort.course)
    for _ in range(12):
        enrolment = EnrolmentFactory(cohort=cohort)
        services.lesson_complete(enrolment=enrolment, lesson=outline.lessons[0])

    with django_assert_max_num_queries(6):
        _, rows = cohort_progress(cohort=cohort)

    assert len(rows) == 12
    assert all(row.progress.course.done == 1 for row in rows)
