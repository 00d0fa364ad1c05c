import pytest

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    build_course,
    knowledge_check_block,
)
from training.assessments.knowledge_checks import (
    InvalidAnswer,
    UnknownCheck,
    knowledge_check_answer,
    knowledge_check_states,
)
from training.assessments.models import KnowledgeCheckAttempt
from training.learning.models import LessonProgress

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson_with_checks():
    course = build_course(modules=0, knowledge_check_pass_percentage=50)
    module = ModulePageFactory(parent=course)
    checks = [
        knowledge_check_block("Vraag een?"),
        knowledge_check_block(
            "Vraag twee?",
            options=[("A", True, "goed"), ("B", True, "ook goed"), ("C", False, "niet")],
        ),
    ]
    lesson = LessonPageFactory(parent=module, body=checks)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    return lesson, enrolment


def _ids(lesson):
    blocks = lesson.knowledge_checks()
    return [(b.id, [option_id for option_id, _ in b.value.choices()]) for b in blocks]


def test_wrong_then_right_answer_keeps_both_attempts(lesson_with_checks):
    lesson, enrolment = lesson_with_checks
    (check_id, (right, wrong)), _ = _ids(lesson)

    first = knowledge_check_answer(
        enrolment=enrolment, lesson=lesson, check_id=check_id, selected_option_ids=[wrong]
    )
    second = knowledge_check_answer(
        enrolment=enrolment, lesson=lesson, check_id=check_id, selected_option_ids=[right]
    )

    assert (first.attempt.is_correct, second.attempt.is_correct) == (False, True)
    state = knowledge_check_states(enrolment=enrolment, lesson=lesson)[check_id]
    assert state.attempts == 2 and state.passed and state.last_correct


def test_multiple_answer_check_needs_exactly_the_correct_set(lesson_with_checks):
    lesson, enrolment = lesson_with_checks
    _, (check_id, (a, b, c)) = _ids(lesson)

    assert not knowledge_check_answer(
        enrolment=enrolment, lesson=lesson, check_id=check_id, selected_option_ids=[a]
    ).attempt.is_correct
    assert not knowledge_check_answer(
        enrolment=enrolment, lesson=lesson, check_id=check_id, selected_option_ids=[a, b, c]
    ).attempt.is_correct
    assert knowledge_check_answer(
        enrolment=enrolment, lesson=lesson, check_id=check_id, selected_option_ids=[b, a]
    ).attempt.is_correct


def test_lesson_completes_when_all_checks_answered_and_pass_mark_reached(lesson_with_checks):
    lesson, enrolment = lesson_with_checks
    (one, (right, _)), (two, (_, _, wrong)) = _ids(lesson)

    result = knowledge_check_answer(
        enrolment=enrolment, lesson=lesson, check_id=one, selected_option_ids=[right]
    )
    assert not result.lesson_completed  # check two not answered yet
    result = knowledge_check_answer(
        enrolment=enrolment, lesson=lesson, check_id=two, selected_option_ids=[wrong]
    )

    assert result.lesson_completed  # 1 of 2 passed = 50% = the pass mark
    assert LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson).count() == 1


def test_lesson_stays_open_below_the_pass_mark(lesson_with_checks):
    lesson, enrolment = lesson_with_checks
    enrolment.course.knowledge_check_pass_percentage = 100
    enrolment.course.save()
    (one, (right, _)), (two, (_, _, wrong)) = _ids(lesson)

    knowledge_check_answer(
        enrolment=enrolment, lesson=lesson, check_id=one, selected_option_ids=[right]
    )
    result = knowledge_check_answer(
        enrolment=enrolment, lesson=lesson, check_id=two, selected_option_ids=[wrong]
    )

    assert not result.lesson_completed


@pytest.mark.parametrize("selection", [[], ["not-an-option"]])
def test_tampered_or_empty_answers_are_refused(lesson_with_checks, selection):
    lesson, enrolment = lesson_with_checks
    (check_id, _), _ = _ids(lesson)
    with pytest.raises(InvalidAnswer):
        knowledge_check_answer(
            enrolment=enrolment, lesson=lesson, check_id=check_id, selected_option_ids=selection
        )
    assert not KnowledgeCheckAttempt.objects.exists()


def test_two_options_on_a_single_answer_check_are_refused(lesson_with_checks):
    lesson, enrolment = lesson_with_checks
    (check_id, options), _ = _ids(lesson)
    with pytest.raises(InvalidAnswer):
        knowledge_check_answer(
            enrolment=enrolment, lesson=lesson, check_id=check_id, selected_option_ids=options
        )


def test_unknown_check_id_is_refused(lesson_with_checks):
    lesson, enrolment = lesson_with_checks
    with pytest.raises(UnknownCheck):
        knowledge_check_answer(
            enrolment=enrolment,
            lesson=lesson,
            check_id="00000000-0000-0000-0000-000000000000",
            selected_option_ids=["x"],
        )


def test_an_answer_while_the_database_is_locked_gets_a_calm_503(client, lesson_with_checks):
    from django.urls import reverse

    from tests.busy import assert_busy, database_locked

    lesson, enrolment = lesson_with_checks
    (check_id, (right, _wrong)), _ = _ids(lesson)
    client.force_login(enrolment.learner)
    url = reverse("knowledge_checks:answer", args=[lesson.pk, check_id])
    with database_locked():
        response = client.post(url, {"option": [right]})
    assert_busy(response)
    assert not KnowledgeCheckAttempt.objects.exists()
