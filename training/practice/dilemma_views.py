"""The learner's path through a dilemma block on a lesson page.

Two plain POSTs that work without JavaScript: recording a choice ("this is
what I would do", or the small static script when a choice is opened) and
saving the optional reflection; then back to the block's anchor. A script
asking for JSON (`Accept: application/json`) gets the path as JSON, and a
refusal as JSON with a friendly Dutch message. A reflection with a problem
is shown again exactly as written, with the error beside it (status 400).
A lesson that is not live and public, a block it does not have, or a course
the learner is not actively enrolled in, is a 404; every answer is no-store.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from training.courses.models import CoursePage, LessonPage
from training.http import no_store
from training.learning.permissions import own_active_enrolments
from training.learning.services import ModuleLocked

from . import dilemmas
from .solo_forms import dilemma_form


def _anchor(lesson, block_id) -> str:
    return f"{lesson.url}#dilemma-{block_id}"


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _setup(request, lesson_id, block_id):
    """The lesson, the block's value and the learner's enrolment, or a 404."""
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    value = dilemmas.dilemma_block(lesson=lesson, block_id=str(block_id))
    if value is None or not request.user.is_authenticated:
        raise Http404
    course = CoursePage.objects.ancestor_of(lesson).get()
    enrolment = get_object_or_404(own_active_enrolments(request.user), course=course)
    return lesson, value, enrolment


def _steps_json(path, value) -> list[dict]:
    return [
        {"key": step.key, "text": step.text, "deeper": step.deeper}
        for step in dilemmas.path_steps(path=path, value=value)
    ]


@require_http_methods(["GET", "POST"])
def choice(request, lesson_id, block_id):
    block_id = str(block_id)
    lesson, value, enrolment = _setup(request, lesson_id, block_id)
    if request.method == "GET":
        return no_store(redirect(_anchor(lesson, block_id)))
    try:
        path = dilemmas.dilemma_choice_record(
            enrolment=enrolment,
            lesson=lesson,
            block_id=block_id,
            choice=request.POST.get("choice", ""),
        )
    except (ModuleLocked, dilemmas.DilemmaError) as error:
        if _wants_json(request):
            return no_store(JsonResponse({"ok": False, "error": str(error.message)}, status=400))
        return _page(
            request,
            lesson=lesson,
            value=value,
            enrolment=enrolment,
            block_id=block_id,
            error=error.message,
        )
    if _wants_json(request):
        return no_store(JsonResponse({"ok": True, "steps": _steps_json(path, value)}))
    return no_store(redirect(_anchor(lesson, block_id)))


@require_http_methods(["GET", "POST"])
def reflection(request, lesson_id, block_id):
    block_id = str(block_id)
    lesson, value, enrolment = _setup(request, lesson_id, block_id)
    if request.method == "GET":
        return no_store(redirect(_anchor(lesson, block_id)))
    form = dilemma_form(block_id=block_id, data=request.POST)
    if form.is_valid():
        try:
            dilemmas.dilemma_reflection_save(
                enrolment=enrolment,
                lesson=lesson,
                block_id=block_id,
                reflection=form.cleaned_data["reflection"],
            )
        except (ModuleLocked, dilemmas.DilemmaError) as error:
            form.add_error(None, error.message)
        else:
            return no_store(redirect(_anchor(lesson, block_id)))
    return _page(
        request, lesson=lesson, value=value, enrolment=enrolment, block_id=block_id, form=form
    )


def _page(request, *, lesson, value, enrolment, block_id, form=None, error=None):
    """The dilemma alone, with the learner's path and the form as sent (status 400)."""
    state = dilemmas.dilemma_states(enrolment=enrolment, lesson=lesson).get(block_id)
    if form is not None:
        state.form = form
    context = {
        "page": lesson,
        "lesson": lesson,
        "value": value,
        "block_id": block_id,
        "state": state,
        "error": error,
        "learner": True,
    }
    return no_store(TemplateResponse(request, "practice/dilemma_answer.html", context, status=400))
