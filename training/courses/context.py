"""Learner context providers: how the course pages learn about the learner.

Courses sits below learning in the app order, so the course, module and
lesson pages cannot ask learning (or assessments) who is viewing them. The
higher apps register here, in their `AppConfig.ready`, instead:

- a *context provider* adds to a page's template context what it knows about
  the signed-in learner (learning: the enrolment and progress as `learner`;
  assessments: the knowledge-check states of a lesson);
- a *lesson-view handler* is told that a learner opened a lesson (learning
  records the visit).

Providers run in registration order, which is the order of INSTALLED_APPS
(lowest app first); each one sees the context the earlier ones built, so a
higher app may build on `context["learner"]`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ContextProvider = Callable[..., dict[str, Any] | None]
LessonViewHandler = Callable[..., None]

_context_providers: list[ContextProvider] = []
_lesson_view_handlers: list[LessonViewHandler] = []


def register_learner_context_provider(provider: ContextProvider) -> None:
    """Register `provider(*, request, page, course, outline, lesson, context)`.

    It returns the keys to add to the page's context (or None). Registering
    the same provider twice has no effect.
    """
    if provider not in _context_providers:
        _context_providers.append(provider)


def register_lesson_view_handler(handler: LessonViewHandler) -> None:
    """Register `handler(*, request, lesson, context)`, called when a learner
    opens an unlocked lesson (never for a preview)."""
    if handler not in _lesson_view_handlers:
        _lesson_view_handlers.append(handler)


def learner_context(*, request, page, course, outline, lesson=None) -> dict[str, Any]:
    """The learner's part of a course page's context.

    Always holds `learner` (None for a visitor or someone not enrolled) and
    `lesson_locked` (True only for an enrolled learner on a locked lesson).
    """
    context: dict[str, Any] = {"learner": None, "lesson_locked": False}
    for provider in _context_providers:
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
    for handler in _lesson_view_handlers:
        handler(request=request, lesson=lesson, context=context)
