"""The private calendar feed and the per-deadline .ics download."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from tests.factories import UserFactory, reflection_cohort, submitted_reflection
from training.accounts.models import CalendarFeed
from training.accounts.services import calendar_feed_get_or_create, calendar_feed_rotate
from training.assessments.models import DeadlineKind
from training.assessments.reflections.deadlines import deadline_extend

pytestmark = pytest.mark.django_db

DUE = datetime.date(2030, 6, 10)
REVIEW_DUE = datetime.date(2030, 6, 17)


@pytest.fixture
def setup():
    assignment, (learner_enrolment, other) = reflection_cohort(
        learners=2, submission_due_on=DUE, review_due_on=REVIEW_DUE
    )
    return assignment, learner_enrolment, other


def events_of(content: bytes):
    calendar = icalendar.Calendar.from_ical(content)
    return {str(e["summary"]): e["dtstart"].dt for e in calendar.walk("VEVENT")}


def test_a_learners_feed_has_cohort_dates_and_their_own_deadlines(setup, client):
    assignment, enrolment, other = setup
    submitted_reflection(enrolment=enrolment, assignment=assignment)
    deadline_extend(
        enrolment=enrolment,
        assignment=assignment,
        kind=DeadlineKind.SUBMISSION,
        until=DUE + datetime.timedelta(days=5),
        granted_by=enrolment.cohort.trainers.get(),
    )
    feed = calendar_feed_get_or_create(user=enrolment.learner)

    response = client.get(reverse("calendar:feed", args=[feed.token]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "private"
    events = events_of(response.content)
    assert events[f"Reflectie inleveren: {assignment.title}"] == DUE + datetime.timedelta(days=5)
    assert events[f"Feedback geven: {assignment.title}"] == REVIEW_DUE
    cohort = enrolment.cohort
    assert cohort.starts_on in events.values() and cohort.ends_on in events.values()
    # Titles and dates only: nothing the learner wrote.
    assert b"luisterde echt" not in response.content


def test_a_trainers_feed_has_the_group_deadlines(setup, client):
    assignment, enrolment, other = setup
    trainer = enrolment.cohort.trainers.get()
    feed = calendar_feed_get_or_create(user=trainer)

    events = events_of(client.get(reverse("calendar:feed", args=[feed.token])).content)

    assert events[f"{enrolment.cohort.name} · Reflectie inleveren: {assignment.title}"] == DUE


def test_an_unknown_or_rotated_address_is_a_404(setup, client):
    assignment, enrolment, other = setup
    old = calendar_feed_get_or_create(user=enrolment.learner).token
    new = calendar_feed_rotate(user=enrolment.learner).token

    assert old != new
    assert client.get(reverse("calendar:feed", args=[old])).status_code == 404
    assert client.get(reverse("calendar:feed", args=["nope"])).status_code == 404
    assert client.get(reverse("calendar:feed", args=[new])).status_code == 200


def test_the_profile_page_makes_and_rotates_the_address(client):
    user = UserFactory()
    client.force_login(user)

    client.post(reverse("accounts:calendar_rotate"))
    first = CalendarFeed.objects.get(user=user).token
    page = client.get(reverse("accounts:profile"))
    assert first in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    client.post(reverse("accounts:calendar_rotate"))

    assert CalendarFeed.objects.get(user=user).token != first
    assert client.get(reverse("accounts:calendar_rotate")).status_code == 405


def test_one_deadline_downloads_as_an_ics_file(setup, client):
    assignment, enrolment, other = setup
    client.force_login(enrolment.learner)

    response = client.get(reverse("reflections:deadline_ics", args=[assignment.pk, "submission"]))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert list(events_of(response.content).values()) == [DUE]


def test_the_assignment_page_links_the_downloads(setup, client):
    assignment, enrolment, other = setup
    client.force_login(enrolment.learner)
    page = client.get(assignment.url).content.decode()
    assert reverse("reflections:deadline_ics", args=[assignment.pk, "submission"]) in page
    assert reverse("reflections:deadline_ics", args=[assignment.pk, "review"]) in page


@pytest.mark.parametrize("kind", ["submission", "nonsense"])
def test_someone_not_in_the_course_or_a_wrong_kind_gets_a_404(setup, client, kind):
    assignment, enrolment, other = setup
    client.force_login(UserFactory() if kind == "submission" else enrolment.learner)
    assert (
        client.get(reverse("reflections:deadline_ics", args=[assignment.pk, kind])).status_code
        == 404
    )


def test_an_assignment_without_that_deadline_is_a_404(client):
    assignment, (enrolment,) = reflection_cohort(learners=1)
    client.force_login(enrolment.learner)
    url = reverse("reflections:deadline_ics", args=[assignment.pk, "submission"])
    assert client.get(url).status_code == 404


def test_the_download_needs_a_login(setup, client):
    assignment, enrolment, other = setup
    url = reverse("reflections:deadline_ics", args=[assignment.pk, "submission"])
    assert client.get(url).status_code == 302
