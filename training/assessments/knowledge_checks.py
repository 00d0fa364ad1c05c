"""Answering knowledge checks: grade, store every attempt, complete the lesson.

Rules a reader could get wrong:
- an answer is correct when the chosen options are exactly the correct ones;
- a check counts as passed once any attempt at it was correct (retries allowed);
- a lesson with checks is done when every check has been answered and the
  share of passed checks reaches the course's pass mark (`checks_pass`);
- "all knowledge checks passed" for a course (the certificate rule) means
  exactly that for every live lesson with checks: one definition, here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from training.errors import FriendlyError
from training.learning.models import Enrolment
from training.learning.services import ensure_unlocked, lesson_complete
from training.learning.signals import announce_progress_changed

from .models import KnowledgeCheckAttempt


class KnowledgeCheckError(FriendlyError):
    message = _("Something was wrong with this answer. Please try again.")


class UnknownCheck(KnowledgeCheckError):
    """No such check on this lesson (a tampered or outdated form)."""


class InvalidAnswer(KnowledgeCheckError):
    message = _("Choose an answer first.")


@dataclass(frozen=True)
class CheckState:
    check_id: str
    attempts: int
    passed: bool
    last_selected: tuple[str, ...]
    last_correct: bool | None


@dataclass(frozen=True)
class AnswerResult:
    attempt: KnowledgeCheckAttempt
    lesson_completed: bool


def _checks(lesson) -> dict[str, object]:
    return {block.id: block.value for block in lesson.body if block.block_type == "knowledge_check"}


def knowledge_check_states(*, enrolment: Enrolment, lesson) -> dict[str, CheckState]:
    """Per check id on the lesson: attempts so far, passed, and the last answer (one query)."""
    attempts: dict[str, list[KnowledgeCheckAttempt]] = {}
    for attempt in KnowledgeCheckAttempt.objects.filter(enrolment=enrolment, lesson=lesson):
        attempts.setdefault(attempt.check_id, []).append(attempt)
    states = {}
    for check_id, tries in attempts.items():
        last = tries[-1]
        states[check_id] = CheckState(
            check_id=check_id,
            attempts=len(tries),
            passed=any(t.is_correct for t in tries),
            last_selected=tuple(last.selected_option_ids),
            last_correct=last.is_correct,
        )
    return states


def checks_pass(*, check_ids, passed_ids: set[str], answered_ids: set[str], pass_mark: int) -> bool:
    """The pass rule for one lesson's checks: all answered, and the share of
    checks answered correctly at least once reaches `pass_mark` percent."""
    check_ids = set(check_ids)
    if not check_ids:
        return True
    if not check_ids <= answered_ids:
        return False
    return 100 * len(check_ids & passed_ids) >= pass_mark * len(check_ids)


def lesson_checks_passed(*, enrolment: Enrolment, lesson) -> bool:
    checks = _checks(lesson)
    if not checks:
        return True
    states = knowledge_check_states(enrolment=enrolment, lesson=lesson)
    return checks_pass(
        check_ids=checks,
        passed_ids={check_id for check_id, state in states.items() if state.passed},
        answered_ids=set(states),
        pass_mark=enrolment.course.knowledge_check_pass_percentage,
    )


@dataclass(frozen=True)
class CourseChecks:
    lessons_passed: int
    lessons_with_checks: int

    @property
    def passed(self) -> bool:
        return self.lessons_passed >= self.lessons_with_checks


def course_checks_passed(*, enrolment: Enrolment) -> CourseChecks:
    """How many of the course's live lessons with checks pass `checks_pass`.

    One query for the learner's attempts: the check ids per lesson are
    computed once per published content (`course_knowledge_check_ids`), not
    from every lesson's body on each call.
    """
    from training.courses.selectors import course_knowledge_check_ids

    course = enrolment.course
    checks_by_lesson = course_knowledge_check_ids(course=course)
    answered: dict[int, set[str]] = {}
    passed: dict[int, set[str]] = {}
    for lesson_id, check_id, is_correct in KnowledgeCheckAttempt.objects.filter(
        enrolment=enrolment, lesson_id__in=checks_by_lesson
    ).values_list("lesson_id", "check_id", "is_correct"):
        answered.setdefault(lesson_id, set()).add(check_id)
        if is_correct:
            passed.setdefault(lesson_id, set()).add(check_id)
    lessons_passed = sum(
        1
        for lesson_id, check_ids in checks_by_lesson.items()
        if checks_pass(
            check_ids=check_ids,
            passed_ids=passed.get(lesson_id, set()),
            answered_ids=answered.get(lesson_id, set()),
            pass_mark=course.knowledge_check_pass_percentage,
        )
    )
    return CourseChecks(lessons_passed=lessons_passed, lessons_with_checks=len(checks_by_lesson))


def knowledge_check_answer(
    *, enrolment: Enrolment, lesson, check_id: str, selected_option_ids: list[str]
) -> AnswerResult:
    """Grade and store one answer; completes the lesson when its checks now pass.

    Refused with `ModuleLocked` while the lesson's module is locked.
    """
    ensure_unlocked(enrolment=enrolment, page=lesson)
    check = _checks(lesson).get(check_id)
    if check is None:
        raise UnknownCheck()
    valid_ids = {option_id for option_id, _text in check.choices()}
    selected = list(dict.fromkeys(selected_option_ids))  # de-duplicate, keep order
    if not selected or not set(selected) <= valid_ids:
        raise InvalidAnswer()
    if len(selected) > 1 and not check.allows_multiple():
        raise InvalidAnswer()
    attempt = KnowledgeCheckAttempt.objects.create(
        enrolment=enrolment,
        lesson=lesson,
        check_id=check_id,
        selected_option_ids=selected,
        is_correct=set(selected) == check.correct_option_ids(),
    )
    completed = False
    if lesson_checks_passed(enrolment=enrolment, lesson=lesson):
        lesson_complete(enrolment=enrolment, lesson=lesson)
        completed = True
    announce_progress_changed(enrolment_id=enrolment.pk)
    return AnswerResult(attempt=attempt, lesson_completed=completed)
