"""A practice group's meeting appears in each member's private calendar feed."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import WEDNESDAY_NOON
from tests.practice.test_views import grouped
from training.accounts.services import calendar_feed_get_or_create

pytestmark = pytest.mark.django_db


def summaries(content: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_members_see_the_meeting_in_their_feed_and_others_do_not(
    client, activity, learners, pinned_clock
):
    pinned_clock(WEDNESDAY_NOON)  # a meeting three days ahead, not across a clock change
    group = grouped(activity, learners[:3])
    meeting_at = (timezone.now() + datetime.timedelta(days=3)).replace(microsecond=0)
    group.meeting_at = meeting_at
    group.meeting_place = "Buurthuis De Linde"
    group.save()
    title = f"Oefengroep: {activity.title}"

    member_feed = calendar_feed_get_or_create(user=learners[0].learner)
    events = summaries(client.get(reverse("calendar:feed", args=[member_feed.token])).content)
    assert events[title].decoded("dtstart") == meeting_at
    assert str(events[title]["location"]) == "Buurthuis De Linde"
    assert str(events[title]["uid"]) == f"practice-{group.public_id}@lotgenoot-academie"

    from tests.factories import EnrolmentFactory

    outsider = EnrolmentFactory(cohort=learners[0].cohort)
    outsider_feed = calendar_feed_get_or_create(user=outsider.learner)
    assert title not in summaries(
        client.get(reverse("calendar:feed", args=[outsider_feed.token])).content
    )


def test_a_group_without_a_meeting_adds_nothing(client, activity, learners):
    grouped(activity, learners[:3])
    feed = calendar_feed_get_or_create(user=learners[0].learner)
    events = summaries(client.get(reverse("calendar:feed", args=[feed.token])).content)
    assert not [summary for summary in events if summary.startswith("Oefengroep")]
