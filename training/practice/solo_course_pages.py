"""What solo practice adds to a lesson page (see `training.courses.context`).

Registered in `PracticeConfig.ready`, after learning's provider: on a lesson
with "respond to this" blocks, per block id the enrolled learner's answer,
the coach's reaction and the form, as `solo_blocks` (one query). A visitor
or someone not enrolled gets none: the block then shows only the statement.
"""

from __future__ import annotations

from dataclasses import dataclass

from .solo import BLOCK_TYPE, SoloAnswer, SoloFeedback, has_respond_blocks, solo_answer_states
from .solo_forms import SoloAnswerForm, solo_form


@dataclass(frozen=True)
class SoloBlockState:
    form: SoloAnswerForm
    answer: SoloAnswer | None = None
    feedback: SoloFeedback | None = None


def solo_page_context(*, request, page, course, outline, lesson, context) -> dict | None:
    if lesson is None or not has_respond_blocks(lesson):
        return None
    learner = context.get("learner")
    if learner is None:
        return {"solo_blocks": {}}
    states = solo_answer_states(enrolment=learner.enrolment, lesson=lesson)
    blocks = {}
    for item in lesson.body.raw_data:
        if item["type"] != BLOCK_TYPE or not item.get("id"):
            continue
        state = states.get(item["id"])
        answer = state.answer if state else None
        blocks[item["id"]] = SoloBlockState(
            form=solo_form(block_id=item["id"], answer=answer),
            answer=answer,
            feedback=state.feedback if state else None,
        )
    return {"solo_blocks": blocks}
