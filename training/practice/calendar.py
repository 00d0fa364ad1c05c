"""The iCalendar invitation of a practice group's meeting (one event, one reminder).

The same event goes into each member's private calendar feed
(`member_meeting_events`, registered with the feed in `apps.py`).

Only the activity's title, the time, the meeting place the group chose and a
link go in: never anything a learner wrote, nor who is in the group.
"""

from __future__ import annotations

import datetime

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from training.assessments.calendar import PRODID, UID_DOMAIN
from training.mail import absolute_url

BREAK_MINUTES = 15


def group_invitation(*, group) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add_component(meeting_event(group=group))
    return calendar.to_ical()


def meeting_event(*, group) -> icalendar.Event:
    """The group's meeting (its `meeting_at` must be set), with an alarm an hour before."""
    activity = group.activity
    rounds = group.rounds.count() or activity.rounds_for(group.members.count())
    event = icalendar.Event()
    event.add("uid", f"practice-{group.public_id}@{UID_DOMAIN}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", group.meeting_at)
    event.add(
        "dtend",
        group.meeting_at
        + datetime.timedelta(minutes=rounds * activity.minutes_per_round + BREAK_MINUTES),
    )
    event.add("summary", _("Practice group: %(title)s") % {"title": activity.title})
    if group.meeting_place:
        event.add("location", group.meeting_place)
    url = absolute_url(reverse("practice:group", kwargs={"public_id": group.public_id}))
    event.add("url", url)
    event.add("description", _("Your practice group and the rounds: %(url)s") % {"url": url})
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _("Practice group in one hour"))
    alarm.add("trigger", datetime.timedelta(hours=-1))
    event.add_component(alarm)
    return event


def member_meeting_events(user):
    """The meetings of the practice groups `user` is in (active enrolments), for their feed."""
    from .models import PracticeGroup

    groups = (
        PracticeGroup.objects.filter(
            members__enrolment__learner=user,
            members__enrolment__status="active",
            meeting_at__isnull=False,
        )
        .select_related("activity")
        .distinct()
    )
    return [meeting_event(group=group) for group in groups]
