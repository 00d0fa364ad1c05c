"""What assessments adds to the course pages (see `training.courses.context`).

Registered in `AssessmentsConfig.ready`, after learning's provider: on a
lesson with knowledge checks, an enrolled learner's attempts so far as
`check_states` (one query).
"""

from __future__ import annotations

from .knowledge_checks import knowledge_check_states


def knowledge_check_page_context(*, request, page, course, outline, lesson, context) -> dict:
    learner = context.get("learner")
    if lesson is None or learner is None or not lesson.has_knowledge_checks():
        return {"check_states": {}}
    return {"check_states": knowledge_check_states(enrolment=learner.enrolment, lesson=lesson)}
