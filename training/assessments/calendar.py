"""Calendars (iCalendar): a person's private feed, and one deadline as a file.

A learner's feed has their cohorts' start and end dates and their own
deadlines (extensions included, via `Deadlines`); a trainer's has the dates
and the group deadlines of the cohorts they train. Apps further up (the
skills lab's meetings, intervision) add their events through
the `CALENDAR_EVENTS` hook (`training.hooks`), so the feed is one address for everything. Events are all-day (the
deadlines are dates in the site's time zone) with stable UIDs, so a
calendar app updates an event when a date moves. Only titles of courses,
groups and assignments and links go in: never anything a learner wrote.
"""

from __future__ import annotations

import datetime

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from training.hooks import CALENDAR_EVENTS, contributions
from training.learning.models import Cohort, Enrolment
from training.learning.permissions import cohorts_led_by
from training.mail import absolute_url

from .models import DeadlineKind, ReflectionAssignmentPage
from .reflections.deadlines import Deadlines

PRODID = "-//Lotgenoot Academie//Agenda//NL"
UID_DOMAIN = "lotgenoot-academie"


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _event(*, uid: str, day: datetime.date, summary: str, url: str = "", description: str = ""):
    event = icalendar.Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    return event


def deadline_summary(*, kind: str, assignment, cohort=None) -> str:
    if kind == DeadlineKind.SUBMISSION:
        text = _("Hand in reflection: %(title)s") % {"title": assignment.title}
    else:
        text = _("Give feedback: %(title)s") % {"title": assignment.title}
    if cohort is not None:
        text = f"{cohort.name} · {text}"
    return text


def deadline_event(*, kind: str, assignment, cohort, day, for_group: bool = False):
    scope = "group" if for_group else "mine"
    return _event(
        uid=f"{scope}-{kind}-{assignment.pk}-{cohort.pk}",
        day=day,
        summary=deadline_summary(
            kind=kind, assignment=assignment, cohort=cohort if for_group else None
        ),
        url=absolute_url(assignment.url),
    )


def _cohort_events(cohort: Cohort) -> list[icalendar.Event]:
    course = cohort.course.title
    return [
        _event(
            uid=f"cohort-start-{cohort.pk}",
            day=cohort.starts_on,
            summary=_("Start of %(course)s (%(cohort)s)")
            % {"course": course, "cohort": cohort.name},
        ),
        _event(
            uid=f"cohort-end-{cohort.pk}",
            day=cohort.ends_on,
            summary=_("End of %(course)s (%(cohort)s)") % {"course": course, "cohort": cohort.name},
        ),
    ]


def _assignments(cohort: Cohort):
    return ReflectionAssignmentPage.objects.descendant_of(cohort.course).live().order_by("path")


def calendar_for_user(*, user) -> icalendar.Calendar:
    """The person's feed: their courses as a learner, and the cohorts they train."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        calendar = _calendar(_("Lotgenoot Academie"))
        seen: set[int] = set()
        enrolments = Enrolment.objects.filter(
            learner=user, status=Enrolment.Status.ACTIVE
        ).select_related("cohort__course")
        for enrolment in enrolments:
            cohort = enrolment.cohort
            seen.add(cohort.pk)
            for event in _cohort_events(cohort):
                calendar.add_component(event)
            for assignment in _assignments(cohort):
                deadlines = Deadlines(cohort=cohort, assignment=assignment)
                for kind in DeadlineKind.values:
                    day = deadlines.of(user.pk, kind)
                    if day is not None:
                        calendar.add_component(
                            deadline_event(kind=kind, assignment=assignment, cohort=cohort, day=day)
                        )
        for cohort in cohorts_led_by(user).select_related("course"):
            if cohort.pk not in seen:
                for event in _cohort_events(cohort):
                    calendar.add_component(event)
            for assignment in _assignments(cohort):
                deadlines = Deadlines(cohort=cohort, assignment=assignment)
                for kind in DeadlineKind.values:
                    day = deadlines.course[kind]
                    if day is not None:
                        calendar.add_component(
                            deadline_event(
                                kind=kind,
                                assignment=assignment,
                                cohort=cohort,
                                day=day,
                                for_group=True,
                            )
                        )
        # Apps above this one add their events through the CALENDAR_EVENTS hook.
        for provider in contributions(CALENDAR_EVENTS):
            for event in provider(user):
                calendar.add_component(event)
    return calendar


def calendar_for_deadline(*, user, enrolment: Enrolment, assignment, kind: str):
    """One of the learner's deadlines as a calendar file, or None without such a deadline."""
    deadlines = Deadlines(cohort=enrolment.cohort, assignment=assignment)
    day = deadlines.of(enrolment.learner_id, kind)
    if day is None:
        return None
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        calendar = _calendar(assignment.title)
        calendar.add_component(
            deadline_event(kind=kind, assignment=assignment, cohort=enrolment.cohort, day=day)
        )
    return calendar
