"""The week's moments a learner can practise: seven days, three parts of a day.

A slot key is "<weekday>-<part>" (weekday 0 = Monday). A group meets at the
start of a slot they all share; the start hours are fixed so a slot is one
concrete time in the site's time zone.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DAYS = [
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
]
PARTS = {
    "morning": (_("morning"), datetime.time(10, 0)),
    "afternoon": (_("afternoon"), datetime.time(14, 0)),
    "evening": (_("evening"), datetime.time(19, 30)),
}

SLOT_KEYS = [f"{day}-{part}" for day in range(7) for part in PARTS]


def slot_label(key: str) -> str:
    day, part = key.split("-")
    return f"{DAYS[int(day)]} {PARTS[part][0]}"


def slot_choices() -> list[tuple[str, str]]:
    return [(key, slot_label(key)) for key in SLOT_KEYS]


def slots_overlap(slot_lists) -> list[str]:
    """The slots every list shares, in week order."""
    shared = set(SLOT_KEYS)
    for slots in slot_lists:
        shared &= set(slots)
    return [key for key in SLOT_KEYS if key in shared]


def slot_next_starts(keys, *, now=None, days: int = 14) -> list[datetime.datetime]:
    """The concrete start times of `keys` in the coming `days` days, soonest first."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    starts = []
    for offset in range(days + 1):
        day = today + datetime.timedelta(days=offset)
        for key in keys:
            weekday, part = key.split("-")
            if int(weekday) != day.weekday():
                continue
            start = timezone.make_aware(datetime.datetime.combine(day, PARTS[part][1]))
            if start > now:
                starts.append(start)
    return sorted(starts)
