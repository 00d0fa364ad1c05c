"""Learner views: dashboard, joining through an invite, marking lessons done,
leaving a course. (Answering knowledge checks lives in assessments.)

Views parse input, call one service or selector, and render. Objects are
looked up through the learner's own querysets, so a wrong id is a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from training.courses.models import CoursePage, LessonPage
from training.http import no_store

from . import invitations, services
from .announcements import announcements_for_learner
from .models import Cohort
from .permissions import own_active_enrolments
from .selectors import learner_dashboard, self_enrolment_cohort


@never_cache
@login_required
def dashboard(request):
    entries = learner_dashboard(user=request.user)
    announcements = list(announcements_for_learner(user=request.user)[:10])
    return no_store(
        TemplateResponse(
            request,
            "learning/dashboard.html",
            {"entries": entries, "announcements": announcements},
        )
    )


def _invite_invalid(request):
    context = {"error": services.InviteInvalid.message, "cohort": None}
    return no_store(TemplateResponse(request, "learning/invite.html", context, status=404))


def _invite_page(request, *, cohort, join):
    """The invite page of `cohort`: shows the course, and on POST `join()`s a signed-in
    visitor (a visitor is sent to sign in first and comes back here)."""
    context = {"cohort": cohort, "course": cohort.course, "error": None, "enrolment": None}
    if request.user.is_authenticated:
        context["enrolment"] = (
            own_active_enrolments(request.user).filter(course=cohort.course).first()
        )
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        try:
            join()
        except services.EnrolmentError as error:
            context["error"] = error.message
        else:
            messages.success(
                request,
                _("Welcome! You are now taking “%(course)s”.") % {"course": cohort.course.title},
            )
            return redirect(cohort.course.url)
    elif context["enrolment"] is None and not services.cohort_accepts_enrolment(cohort):
        context["error"] = services.CohortClosed.message
    return no_store(TemplateResponse(request, "learning/invite.html", context))


@never_cache
def invite(request, token):
    """The cohort's shared invite link."""
    cohort = Cohort.objects.select_related("course").filter(invite_token=token).first()
    if cohort is None:
        return _invite_invalid(request)
    return _invite_page(
        request,
        cohort=cohort,
        join=lambda: services.enrolment_join_by_invite(learner=request.user, token=token),
    )


@never_cache
def personal_invite(request, token):
    """A personal invitation from a trainer: join after logging in or signing up."""
    invitation = invitations.invitation_by_token(token)
    usable = invitation is not None and invitation.withdrawn_at is None
    if usable and invitation.accepted_at is not None:
        usable = request.user.is_authenticated and invitation.accepted_by_id == request.user.pk
    if not usable:
        return _invite_invalid(request)
    return _invite_page(
        request,
        cohort=invitation.cohort,
        join=lambda: invitations.invitation_accept(token=token, learner=request.user),
    )


def _login_url():
    from django.conf import settings
    from django.shortcuts import resolve_url

    return resolve_url(settings.LOGIN_URL)


@require_POST
@login_required
def self_enrol(request, course_id):
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    cohort = self_enrolment_cohort(course=course)
    if cohort is None:
        messages.error(request, services.SelfEnrolmentNotAllowed.message)
        return redirect(course.url)
    try:
        services.enrolment_self_enrol(learner=request.user, cohort=cohort)
    except services.EnrolmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Welcome! You are now taking “%(course)s”.") % {"course": course.title}
        )
    return redirect(course.url)


@never_cache
@login_required
def leave(request, course_id):
    enrolment = get_object_or_404(
        own_active_enrolments(request.user).select_related("course"), course_id=course_id
    )
    if request.method == "POST":
        services.enrolment_leave(enrolment=enrolment)
        messages.success(
            request,
            _("You have left “%(course)s”. Your progress is kept if you join again later.")
            % {"course": enrolment.course.title},
        )
        return redirect("learning:dashboard")
    return no_store(TemplateResponse(request, "learning/leave.html", {"enrolment": enrolment}))


def _lesson_and_enrolment(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    course = CoursePage.objects.ancestor_of(lesson).get()
    enrolment = get_object_or_404(
        own_active_enrolments(request.user).select_related("course"), course=course
    )
    return lesson, enrolment


@require_POST
@login_required
def complete_lesson(request, lesson_id):
    lesson, enrolment = _lesson_and_enrolment(request, lesson_id)
    if lesson.has_knowledge_checks():
        messages.info(
            request, _("This lesson is done when you have answered its knowledge checks.")
        )
        return redirect(lesson.url)
    try:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    except services.ModuleLocked as error:
        messages.error(request, error.message)
        return redirect(lesson.url)
    messages.success(request, _("Well done: lesson completed."))
    return redirect(f"{lesson.url}#lesson-status")
