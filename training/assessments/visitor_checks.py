"""Knowledge checks for visitors: check an answer and read the feedback, nothing stored.

A visitor (or a signed-in user who does not take the course) may try a
lesson's knowledge checks. Which options are correct never reaches the page
before answering, so the answer is graded here; the lesson is shown again
with the feedback, and an invitation to join to keep progress. Nothing is
written: no attempt, no session entry, no log line with the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from training import converters  # noqa: F401  (registers <id:...>)
from training.courses.models import LessonPage
from training.http import no_store

NO_ANSWER = _("Choose an answer first.")


@dataclass(frozen=True)
class VisitorAnswer:
    """A graded answer, shaped like a learner's check state for the block template."""

    check_id: str
    last_selected: tuple[str, ...] = ()
    last_correct: bool | None = None
    error: str = ""
    attempts: int = 0  # nothing is counted for a visitor


def knowledge_check_grade(*, check, check_id: str, selected_option_ids: list[str]) -> VisitorAnswer:
    """Grade one answer without storing it: correct when exactly the correct options are chosen.

    An empty, unknown or (for a one-answer check) multiple choice is no answer:
    the result carries a friendly error instead.
    """
    valid_ids = {option_id for option_id, _text in check.choices()}
    selected = tuple(dict.fromkeys(selected_option_ids))  # de-duplicate, keep order
    if (
        not selected
        or not set(selected) <= valid_ids
        or (len(selected) > 1 and not check.allows_multiple())
    ):
        return VisitorAnswer(check_id=check_id, error=str(NO_ANSWER))
    return VisitorAnswer(
        check_id=check_id,
        last_selected=selected,
        last_correct=set(selected) == check.correct_option_ids(),
    )


def _public_lesson(lesson_id: int) -> LessonPage:
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    if lesson.get_ancestors().filter(depth__gt=1, live=False).exists():
        raise Http404
    return lesson


@require_POST
def check_answer(request, lesson_id, check_id):
    """Show the lesson again with the feedback on the visitor's answer to one check."""
    lesson = _public_lesson(lesson_id)
    check_id = str(check_id)
    check = next((block.value for block in lesson.knowledge_checks() if block.id == check_id), None)
    if check is None:
        raise Http404
    answer = knowledge_check_grade(
        check=check, check_id=check_id, selected_option_ids=request.POST.getlist("option")
    )
    context = lesson.get_context(request)
    context["visitor_checks"] = {check_id: answer}
    # The answer is the visitor's own: no cache keeps it.
    return no_store(TemplateResponse(request, lesson.get_template(request), context))


app_name = "visitor_checks"

urlpatterns = [
    path("<id:lesson_id>/<uuid:check_id>/", check_answer, name="check"),
]
