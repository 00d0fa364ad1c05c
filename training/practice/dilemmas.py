"""Dilemmas remembered: a learner's path through a dilemma block, and a short reflection.

The block is defined in `training.courses.solo_blocks` (a choice's `key` is
its position, "2" or "2.1"); this module keeps, per enrolment, lesson and
block, the choices the learner opened, in the order first opened, and an
optional short reflection (`DilemmaPath`), and adds them to the lesson page
through the learner context registry (`dilemma_page_context`).

Rules a reader could get wrong:
- one row per enrolment, lesson and block (database constraint): a retry, a
  double click or two tabs update it, never add one; a choice already on the
  path is not added again, so the path never grows past the block's choices;
- only the learner sees their path (the lesson page is `no-store` for a
  signed-in user; a visitor's cached page renders the block without it);
- the reflection is stored exactly as written: too long is refused with a
  friendly error and the text kept on the page, never cut short;
- a choice the trainer later removed from the block stays in the row but is
  not shown (there is no text left to show).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.errors import FriendlyError
from training.learning.services import ensure_unlocked

from .solo_models import DilemmaPath

BLOCK_TYPE = "dilemma"
REFLECTION_MAX = 1000


class DilemmaError(FriendlyError):
    message = _("Something went wrong. Your text is still here: try again.")


class UnknownDilemma(DilemmaError):
    """No such dilemma block (or choice) on this lesson: a tampered or outdated form."""

    message = _("This dilemma has changed. Reload the page and choose again.")


class ReflectionTooLong(DilemmaError):
    def __init__(self, length: int):
        super().__init__(
            _(
                "Your reflection has %(length)d characters; at most %(max)d fit. "
                "Shorten it a little: nothing you wrote is lost."
            )
            % {"length": length, "max": REFLECTION_MAX}
        )


def dilemma_block(*, lesson, block_id: str):
    """The value of the dilemma block `block_id` on `lesson`, or None."""
    for index, item in enumerate(lesson.body.raw_data):
        if item["type"] == BLOCK_TYPE and item.get("id") == block_id:
            return lesson.body[index].value
    return None


def has_dilemma_blocks(lesson) -> bool:
    return any(item["type"] == BLOCK_TYPE for item in lesson.body.raw_data)


def _path_for_update(*, enrolment, lesson, block_id: str) -> DilemmaPath:
    """The learner's row for this block, created if need be, locked for this transaction."""
    path, _created = DilemmaPath.objects.get_or_create(
        enrolment=enrolment, lesson=lesson, block_id=block_id
    )
    return DilemmaPath.objects.select_for_update().get(pk=path.pk)


def dilemma_choice_record(*, enrolment, lesson, block_id: str, choice: str) -> DilemmaPath:
    """Add `choice` (a key of the block) to the learner's path, once, at its end.

    Refused with `ModuleLocked` while the lesson's module is locked and with
    `UnknownDilemma` for a block or choice the lesson does not have.
    """
    ensure_unlocked(enrolment=enrolment, page=lesson)
    value = dilemma_block(lesson=lesson, block_id=block_id)
    if value is None or str(choice) not in value.choices_by_key():
        raise UnknownDilemma()
    with transaction.atomic():
        path = _path_for_update(enrolment=enrolment, lesson=lesson, block_id=block_id)
        if str(choice) not in path.choices:
            path.choices = [*path.choices, str(choice)]
            path.updated_at = timezone.now()
            path.full_clean()
            path.save(update_fields=["choices", "updated_at"])
    return path


def dilemma_reflection_check(reflection: str) -> DilemmaError | None:
    if len(reflection) > REFLECTION_MAX:
        return ReflectionTooLong(len(reflection))
    return None


def dilemma_reflection_save(*, enrolment, lesson, block_id: str, reflection: str) -> DilemmaPath:
    """Store the learner's short reflection on the dilemma as written (empty clears it)."""
    ensure_unlocked(enrolment=enrolment, page=lesson)
    if dilemma_block(lesson=lesson, block_id=block_id) is None:
        raise UnknownDilemma()
    problem = dilemma_reflection_check(reflection)
    if problem:
        raise problem
    with transaction.atomic():
        path = _path_for_update(enrolment=enrolment, lesson=lesson, block_id=block_id)
        path.reflection = reflection
        path.updated_at = timezone.now()
        path.full_clean()
        path.save(update_fields=["reflection", "updated_at"])
    return path


# --- Reads --------------------------------------------------------------------------


@dataclass(frozen=True)
class PathStep:
    key: str
    text: str
    deeper: bool


@dataclass
class DilemmaState:
    """What the lesson page shows a learner in one dilemma block."""

    path: DilemmaPath | None
    steps: list[PathStep] = field(default_factory=list)
    form: object = None

    @property
    def opened(self) -> set[str]:
        return {step.key for step in self.steps}


def path_steps(*, path: DilemmaPath | None, value) -> list[PathStep]:
    """The learner's choices in order, with their text as the block has it now."""
    if path is None or value is None:
        return []
    by_key = value.choices_by_key()
    return [
        PathStep(key=key, text=by_key[key]["text"], deeper="." in key)
        for key in path.choices
        if key in by_key
    ]


def dilemma_states(*, enrolment, lesson) -> dict[str, DilemmaState]:
    """Per dilemma block id on the lesson: the learner's path and reflection form (one query)."""
    from .solo_forms import dilemma_form

    paths = {p.block_id: p for p in DilemmaPath.objects.filter(enrolment=enrolment, lesson=lesson)}
    states = {}
    for index, item in enumerate(lesson.body.raw_data):
        if item["type"] != BLOCK_TYPE or not item.get("id"):
            continue
        path = paths.get(item["id"])
        states[item["id"]] = DilemmaState(
            path=path,
            steps=path_steps(path=path, value=lesson.body[index].value),
            form=dilemma_form(block_id=item["id"], path=path),
        )
    return states


def dilemma_page_context(*, request, page, course, outline, lesson, context) -> dict | None:
    """The learner's paths on a lesson with dilemmas (see `training.courses.context`)."""
    if lesson is None or not has_dilemma_blocks(lesson):
        return None
    learner = context.get("learner")
    if learner is None:
        return {"dilemma_states": {}}
    return {"dilemma_states": dilemma_states(enrolment=learner.enrolment, lesson=lesson)}


# --- Privacy --------------------------------------------------------------------------


def dilemma_personal_data(*, enrolment_ids) -> dict:
    """The learner's paths through dilemmas, for their data export."""
    rows = []
    paths = (
        DilemmaPath.objects.filter(enrolment_id__in=enrolment_ids)
        .select_related("lesson")
        .order_by("created_at", "pk")
    )
    for path in paths:
        lesson = path.lesson.specific
        value = dilemma_block(lesson=lesson, block_id=path.block_id)
        rows.append(
            {
                "lesson": lesson.title,
                "dilemma": value["title"] if value is not None else "",
                "choices": path.choices,
                "choices_text": [step.text for step in path_steps(path=path, value=value)],
                "reflection": path.reflection,
                "at": path.updated_at.isoformat(),
            }
        )
    return {"dilemma_paths": rows}


def dilemma_paths_remove(*, enrolment_ids, dry_run: bool = False) -> int:
    """Delete these enrolments' paths (erasure, retention): they are only the learner's.

    Returns how many there were (with `dry_run`, nothing is deleted)."""
    paths = DilemmaPath.objects.filter(enrolment_id__in=enrolment_ids)
    if dry_run:
        return paths.count()
    return paths.delete()[1].get(DilemmaPath._meta.label, 0)
