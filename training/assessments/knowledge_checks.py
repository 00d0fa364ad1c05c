"""Answering knowledge checks: grade, store every attempt, complete the lesson.

Rules a reader could get wrong:
- an answer is correct when the chosen options are exactly the correct ones;
- a check counts as passed once any attempt at it was correct (retries allowed);
- a lesson with checks is done when every check has been answered and the
  share of passed checks reaches the course's pass mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from training.errors import FriendlyError
from training.learning.models import Enrolment
from training.learning.services import lesson_complete

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


def lesson_checks_passed(*, enrolment: Enrolment, lesson) -> bool:
    checks = _checks(lesson)
    if not checks:
        return True
    states = knowledge_check_states(enrolment=enrolment, lesson=lesson)
    if any(check_id not in states for check_id in checks):
        return False
    passed = sum(1 for check_id in checks if states[check_id].passed)
    return 100 * passed >= enrolment.course.knowledge_check_pass_percentage * len(checks)


def knowledge_check_answer(
    *, enrolment: Enrolment, lesson, check_id: str, selected_option_ids: list[str]
) -> AnswerResult:
    """Grade and store one answer; completes the lesson when its checks now pass."""
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
    if attempt.is_correct:  # "all knowledge checks passed" may now be met
        from training.certificates.services import certificate_evaluate

        transaction.on_commit(lambda: certificate_evaluate(enrolment=enrolment))
    return AnswerResult(attempt=attempt, lesson_completed=completed)
