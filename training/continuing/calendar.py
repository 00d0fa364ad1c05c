"""iCalendar for intervision meetings: one meeting as a file, and every member's
meetings in their private calendar feed (`member_meeting_events`, registered
with the feed in `apps.py`). Only the group's name, the time, the place and a
link go in: never a case or a note.
"""

import datetime

import icalendar
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from training.assessments.calendar import UID_DOMAIN
from training.mail import absolute_url


def meeting_event(meeting) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"intervision-{meeting.public_id}@{UID_DOMAIN}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + datetime.timedelta(minutes=meeting.duration_minutes))
    event.add("summary", _("Intervision: %(group)s") % {"group": meeting.group.name})
    if meeting.place:
        event.add("location", meeting.place)
    url = absolute_url(reverse("continuing:meeting", args=[meeting.public_id]))
    event.add("url", url)
    return event


def meeting_ical(meeting) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Lotgenoot Academie//intervisie//NL")
    calendar.add("version", "2.0")
    calendar.add_component(meeting_event(meeting))
    return calendar.to_ical()


def member_meeting_events(user):
    """Meetings of the intervision groups `user` is a member or the coordinator of."""
    from django.db.models import Q

    from .models import IntervisionMeeting

    meetings = (
        IntervisionMeeting.objects.filter(Q(group__members=user) | Q(group__coordinator=user))
        .select_related("group")
        .distinct()
    )
    return [meeting_event(meeting) for meeting in meetings]
