"""Learner context providers: how the course pages learn about the learner.

Courses sits below learning in the app order, so the course, module and
lesson pages cannot ask learning (or assessments) who is viewing them. The
higher apps contribute to two hooks (`training.hooks`) in their `wagtail_hooks.py` instead:

- a *context provider* adds to a page's template context what it knows about
  the signed-in learner (learning: the enrolment and progress as `learner`;
  assessments: the knowledge-check states of a lesson);
- a *lesson-view handler* is told that a learner opened a lesson (learning
  records the visit).

Providers run in hook order (lowest app first); each one sees the context the
earlier ones built, so a higher app may build on `context["learner"]`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from training.hooks import LEARNER_CONTEXT, LESSON_VIEWED, contributions

ContextProvider = Callable[..., dict[str, Any] | None]
LessonViewHandler = Callable[..., None]


def learner_context(*, request, page, course, outline, lesson=None) -> dict[str, Any]:
    """The learner's part of a course page's context.

    Always holds `learner` (None for a visitor or someone not enrolled) and
    `lesson_locked` (True only for an enrolled learner on a locked lesson).
    """
    context: dict[str, Any] = {"learner": None, "lesson_locked": False}
    for provider in contributions(LEARNER_CONTEXT):
        context.update(
            provider(
                request=request,
                page=page,
                course=course,
                outline=outline,
                lesson=lesson,
                context=context,
            )
            or {}
        )
    return context


def lesson_viewed(*, request, lesson, context) -> None:
    for handler in contributions(LESSON_VIEWED):
        handler(request=request, lesson=lesson, context=context)
