"""The learner answering a "respond to this" block on a lesson page.

The block's form sits in the lesson (a courses page); the answer is stored
here, in practice. Works without JavaScript: a plain POST, then back to the
block's anchor. A text with a problem is shown again, exactly as written,
with the error beside it (status 400), never lost. A lesson that is not live
and public, a block it does not have, or a course the learner is not
actively enrolled in, is a 404.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from training.courses.models import CoursePage, LessonPage
from training.http import no_store
from training.learning.permissions import own_active_enrolments
from training.learning.services import ModuleLocked

from . import solo
from .solo_course_pages import SoloBlockState
from .solo_forms import solo_form


def _anchor(lesson, block_id) -> str:
    return f"{lesson.url}#respond-{block_id}"


@require_http_methods(["GET", "POST"])
def answer(request, lesson_id, block_id):
    block_id = str(block_id)
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    value = solo.respond_block(lesson=lesson, block_id=block_id)
    if value is None:
        raise Http404
    if not request.user.is_authenticated:
        return _signed_out(request, lesson=lesson, value=value, block_id=block_id)
    course = CoursePage.objects.ancestor_of(lesson).get()
    enrolment = get_object_or_404(
        own_active_enrolments(request.user).select_related("course"), course=course
    )
    if request.method == "GET":
        return no_store(redirect(_anchor(lesson, block_id)))
    form = solo_form(block_id=block_id, data=request.POST)
    if form.is_valid():
        try:
            solo.solo_answer_submit(
                enrolment=enrolment,
                lesson=lesson,
                block_id=block_id,
                summary=form.cleaned_data["summary"],
                question=form.cleaned_data["question"],
            )
        except ModuleLocked as error:
            form.add_error(None, error.message)
        except solo.SoloAnswerError as error:
            form.add_error(None, error.message)
        else:
            return no_store(redirect(_anchor(lesson, block_id)))
    states = solo.solo_answer_states(enrolment=enrolment, lesson=lesson)
    state = states.get(block_id)
    context = {
        "page": lesson,
        "lesson": lesson,
        "value": value,
        "block_id": block_id,
        "state": SoloBlockState(
            form=form,
            answer=state.answer if state else None,
            feedback=state.feedback if state else None,
        ),
    }
    return no_store(TemplateResponse(request, "practice/solo_answer.html", context, status=400))


def _signed_out(request, *, lesson, value, block_id):
    """Not signed in (or the session ended while writing): a 404, with their own text kept."""
    context = {
        "page": lesson,
        "lesson": lesson,
        "value": value,
        "block_id": block_id,
        "signed_out": True,
        "summary": request.POST.get("summary", ""),
        "question": request.POST.get("question", ""),
    }
    return no_store(TemplateResponse(request, "practice/solo_answer.html", context, status=404))
