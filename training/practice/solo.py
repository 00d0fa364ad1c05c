"""Solo practice in lessons: the learner's answers to "respond to this" blocks.

The block is defined in `training.courses.solo_blocks`; this module stores
what a learner wrote (one `SoloAnswer` per enrolment, lesson and block),
lets the listening coach react to it, and adds the learner's answers to the
lesson page through the learner context registry (`solo_page_context`).

Rules a reader could get wrong:
- answering again updates the one row, never adds one (database constraint);
- texts are stored exactly as written: a text that is too long is refused
  with a friendly error, never cut short;
- the coach is the same rule list as for peer feedback
  (`training.assessments.reflections.coach`), plus two rules that only make
  sense for a summary: an "ik"-story and a "waarom" question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.assessments.reflections.coach import OPEN_QUESTION_SUGGESTION, coach_review
from training.errors import FriendlyError
from training.learning.services import ensure_unlocked

from .solo_models import SoloAnswer

BLOCK_TYPE = "respond"
TEXT_MAX = 2000
# Fewer words than this is not yet a summary the coach acknowledges (it is still stored).
SUMMARY_MIN_WORDS = 5


class SoloAnswerError(FriendlyError):
    message = _("Something went wrong with your answer. Your text is still here: try again.")


class UnknownBlock(SoloAnswerError):
    """No such "respond to this" block on this lesson (a tampered or outdated form)."""


class EmptySummary(SoloAnswerError):
    message = _("Write your summary first: what did you hear?")


class EmptyQuestion(SoloAnswerError):
    message = _("Write your open question too.")


class TextTooLong(SoloAnswerError):
    def __init__(self, length: int):
        super().__init__(
            _(
                "This text has %(length)d characters; at most %(max)d fit. "
                "Shorten it a little: nothing you wrote is lost."
            )
            % {"length": length, "max": TEXT_MAX}
        )


def respond_block(*, lesson, block_id: str):
    """The value of the "respond to this" block `block_id` on `lesson`, or None."""
    for index, item in enumerate(lesson.body.raw_data):
        if item["type"] == BLOCK_TYPE and item.get("id") == block_id:
            return lesson.body[index].value
    return None


def has_respond_blocks(lesson) -> bool:
    return any(item["type"] == BLOCK_TYPE for item in lesson.body.raw_data)


def solo_text_check(*, summary: str, question: str) -> dict[str, SoloAnswerError]:
    """The problems with a learner's two texts, by field (empty when both are fine)."""
    problems: dict[str, SoloAnswerError] = {}
    if not summary.strip():
        problems["summary"] = EmptySummary()
    elif len(summary) > TEXT_MAX:
        problems["summary"] = TextTooLong(len(summary))
    if not question.strip():
        problems["question"] = EmptyQuestion()
    elif len(question) > TEXT_MAX:
        problems["question"] = TextTooLong(len(question))
    return problems


def solo_answer_submit(
    *, enrolment, lesson, block_id: str, summary: str, question: str
) -> SoloAnswer:
    """Store the learner's summary and open question for one block (again: update it).

    Refused with `ModuleLocked` while the lesson's module is locked, with
    `UnknownBlock` for a block the lesson does not have, and with the first
    text problem of `solo_text_check`.
    """
    ensure_unlocked(enrolment=enrolment, page=lesson)
    if respond_block(lesson=lesson, block_id=block_id) is None:
        raise UnknownBlock()
    problems = solo_text_check(summary=summary, question=question)
    if problems:
        raise next(iter(problems.values()))
    now = timezone.now()
    with transaction.atomic():
        answer, _created = SoloAnswer.objects.update_or_create(
            enrolment=enrolment,
            lesson=lesson,
            block_id=block_id,
            defaults={"summary": summary, "question": question, "updated_at": now},
            create_defaults={
                "summary": summary,
                "question": question,
                "created_at": now,
                "updated_at": now,
            },
        )
    return answer


# --- The coach's reaction ---------------------------------------------------------

OPEN_WORDS = (
    "wat",
    "hoe",
    "welke",
    "welk",
    "waardoor",
    "waarin",
    "waarover",
    "waarmee",
    "waar",
    "wanneer",
    "wie",
    "hoezo",
)
_FIRST_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_IK_STORY = re.compile(
    r"\b(ik\s+(had|heb|ken|was|herken|deed|ging)\b|bij\s+mij\b|toen\s+ik\b|mijn\s+(eigen|ervaring)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CoachNote:
    kind: str  # "advice", "closed_question", "ik_story", "why", "open_hint" or "good"
    text: str
    excerpt: str = ""


@dataclass(frozen=True)
class SoloFeedback:
    notes: list[CoachNote] = field(default_factory=list)

    @property
    def hints(self) -> list[CoachNote]:
        return [note for note in self.notes if note.kind != "good"]

    @property
    def praise(self) -> list[CoachNote]:
        return [note for note in self.notes if note.kind == "good"]


def _first_word(text: str) -> str:
    match = _FIRST_WORD.search(text)
    return match.group(0).lower() if match else ""


def solo_feedback(*, summary: str, question: str) -> SoloFeedback:
    """The listening coach's reaction to a summary and an open question.

    Points out advice, closed questions and "ik"-stories, and says so when
    the summary stays with the other person and the question is open.
    """
    notes: list[CoachNote] = []
    summary_hits = coach_review(summary)
    question_hits = coach_review(question)
    seen = set()
    for hit in [*summary_hits, *question_hits]:
        if hit.rule.key not in seen:
            seen.add(hit.rule.key)
            notes.append(
                CoachNote(kind=hit.rule.kind, text=str(hit.rule.hint), excerpt=hit.excerpt)
            )
    ik_story = _IK_STORY.search(summary) or _IK_STORY.search(question)
    if ik_story:
        notes.append(
            CoachNote(
                kind="ik_story",
                text=str(
                    _(
                        "Here you talk about yourself (“%(words)s”). In a summary, "
                        "the other person's story comes first."
                    )
                    % {"words": ik_story.group(0).strip()}
                ),
                excerpt=ik_story.group(0).strip(),
            )
        )
    first = _first_word(question)
    closed = any(hit.rule.kind == "closed_question" for hit in question_hits)
    is_open = first in OPEN_WORDS and "?" in question and not closed
    if first == "waarom":
        notes.append(
            CoachNote(
                kind="why",
                text=str(
                    _("“Waarom” can sound like a reproach. Try “wat” or “hoe”: “Hoe kwam dat?”")
                ),
            )
        )
    elif not is_open and not closed:
        notes.append(CoachNote(kind="open_hint", text=str(OPEN_QUESTION_SUGGESTION)))
    summary_advice = any(hit.rule.kind == "advice" for hit in summary_hits)
    real_summary = len(summary.split()) >= SUMMARY_MIN_WORDS
    if real_summary and not summary_advice and not _IK_STORY.search(summary):
        notes.append(
            CoachNote(
                kind="good",
                text=str(_("Your summary stays with what the other person said: well listened.")),
            )
        )
    if is_open and not any(hit.rule.kind == "advice" for hit in question_hits):
        notes.append(
            CoachNote(
                kind="good",
                text=str(_("Your question is open: it invites the other person to tell more.")),
            )
        )
    return SoloFeedback(notes=notes)


# --- Reads --------------------------------------------------------------------------


@dataclass(frozen=True)
class SoloAnswerState:
    answer: SoloAnswer
    feedback: SoloFeedback


def solo_answer_states(*, enrolment, lesson) -> dict[str, SoloAnswerState]:
    """Per block id on the lesson: the learner's answer and the coach's reaction (one query)."""
    return {
        answer.block_id: SoloAnswerState(
            answer=answer, feedback=solo_feedback(summary=answer.summary, question=answer.question)
        )
        for answer in SoloAnswer.objects.filter(enrolment=enrolment, lesson=lesson)
    }


# --- Privacy --------------------------------------------------------------------------


def solo_personal_data(*, enrolment_ids) -> dict:
    """The learner's answers to "respond to this" blocks, for their data export."""
    return {
        "solo_answers": [
            {
                "lesson": answer.lesson.title,
                "summary": answer.summary,
                "question": answer.question,
                "at": answer.updated_at.isoformat(),
            }
            for answer in SoloAnswer.objects.filter(enrolment_id__in=enrolment_ids)
            .select_related("lesson")
            .order_by("created_at", "pk")
        ]
    }


def solo_answers_remove(*, enrolment_ids, dry_run: bool = False) -> int:
    """Delete these enrolments' answers (erasure, retention): they are only the learner's.

    Returns how many there were (with `dry_run`, nothing is deleted)."""
    answers = SoloAnswer.objects.filter(enrolment_id__in=enrolment_ids)
    if dry_run:
        return answers.count()
    return answers.delete()[1].get(SoloAnswer._meta.label, 0)
