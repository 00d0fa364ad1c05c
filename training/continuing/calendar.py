"""An iCalendar file for an intervision meeting (the icalendar library)."""

import datetime

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone


def meeting_ical(meeting) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Lotgenoot Academie//intervisie//NL")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", f"intervision-{meeting.public_id}@lotgenoot-academie")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + datetime.timedelta(minutes=meeting.duration_minutes))
    event.add("summary", f"Intervisie: {meeting.group.name}")
    if meeting.place:
        event.add("location", meeting.place)
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "continuing:meeting", args=[meeting.public_id]
    )
    event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical()
