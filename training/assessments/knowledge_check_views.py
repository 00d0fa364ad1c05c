"""The learner answering a knowledge check on a lesson page.

The check's form sits in the lesson (a courses page); the answer is graded
and stored here, in assessments, which owns the attempts. A lesson that is
not live and public, or a course the learner is not actively enrolled in,
is a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from training.courses.models import CoursePage, LessonPage
from training.learning.permissions import own_active_enrolments
from training.learning.services import ModuleLocked

from .knowledge_checks import KnowledgeCheckError, knowledge_check_answer


@require_POST
@login_required
def answer(request, lesson_id, check_id):
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    course = CoursePage.objects.ancestor_of(lesson).get()
    enrolment = get_object_or_404(
        own_active_enrolments(request.user).select_related("course"), course=course
    )
    try:
        result = knowledge_check_answer(
            enrolment=enrolment,
            lesson=lesson,
            check_id=str(check_id),
            selected_option_ids=request.POST.getlist("option"),
        )
    except ModuleLocked as error:
        messages.error(request, error.message)
        return redirect(lesson.url)
    except KnowledgeCheckError as error:
        # Shown inside the check itself: the redirect scrolls there, not to the top.
        messages.error(request, error.message, extra_tags=f"kc-{check_id}")
    else:
        if result.lesson_completed:
            messages.success(request, _("You answered the knowledge checks: lesson completed."))
    return redirect(f"{lesson.url}#kc-{check_id}")
