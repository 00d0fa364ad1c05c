"""What learning adds to the course pages (see `training.courses.context`).

Registered in `LearningConfig.ready`: the learner's enrolment and progress on
every course, module and lesson page, the open self-enrolment cohort on a
course page for anyone who is not enrolled (visitors included), and the visit of a
lesson.
"""

from __future__ import annotations

from .selectors import learner_state, self_enrolment_cohort
from .services import lesson_visit


def learner_page_context(*, request, page, course, outline, lesson, context) -> dict:
    learner = learner_state(user=request.user, course=course, outline=outline, lesson=lesson)
    extra = {"learner": learner, "lesson_locked": learner is not None and learner.locked}
    # Visitors too: the course page shows them the way in (join, or ask for an invitation).
    if learner is None and page is course:
        extra["self_enrolment_cohort"] = self_enrolment_cohort(course=course)
    return extra


def learner_lesson_viewed(*, request, lesson, context) -> None:
    learner = context.get("learner")
    if learner is not None:
        lesson_visit(enrolment=learner.enrolment, lesson=lesson)
