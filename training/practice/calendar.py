"""The iCalendar invitation of a practice group's meeting (one event, one reminder).

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
from training.assessments.notifications import absolute

BREAK_MINUTES = 15


def group_invitation(*, group) -> bytes:
    activity = group.activity
    rounds = group.rounds.count() or activity.rounds_for(group.members.count())
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
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
    url = absolute(reverse("practice:group", kwargs={"public_id": group.public_id}))
    event.add("url", url)
    event.add("description", _("Your practice group and the rounds: %(url)s") % {"url": url})
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _("Practice group in one hour"))
    alarm.add("trigger", datetime.timedelta(hours=-1))
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()
