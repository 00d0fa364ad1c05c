"""The private calendar feed (secret address, no login) and one deadline as an .ics file."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from training.accounts.models import CalendarFeed
from training.courses.models import CoursePage
from training.learning.permissions import own_active_enrolments

from .calendar import calendar_for_deadline, calendar_for_user
from .models import DeadlineKind, ReflectionAssignmentPage

CONTENT_TYPE = "text/calendar; charset=utf-8"


def feed(request, token):
    """Calendar apps fetch this without logging in: the token is the key (404 otherwise)."""
    calendar_feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    if not calendar_feed.user.is_active:
        raise Http404
    response = HttpResponse(calendar_for_user(user=calendar_feed.user).to_ical(), CONTENT_TYPE)
    # Personal dates: never in a shared cache, and not for search engines.
    response["Cache-Control"] = "private"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def deadline_ics(request, assignment_id, kind):
    """One of the learner's own deadlines for an assignment, to add to their calendar."""
    if kind not in DeadlineKind.values:
        raise Http404
    assignment = get_object_or_404(ReflectionAssignmentPage.objects.live(), pk=assignment_id)
    course = CoursePage.objects.ancestor_of(assignment).first()
    enrolment = get_object_or_404(
        own_active_enrolments(request.user).select_related("cohort"), course=course
    )
    calendar = calendar_for_deadline(
        user=request.user, enrolment=enrolment, assignment=assignment, kind=kind
    )
    if calendar is None:
        raise Http404
    response = HttpResponse(calendar.to_ical(), CONTENT_TYPE)
    filename = f"{slugify(assignment.title) or 'deadline'}-{kind}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    return response
