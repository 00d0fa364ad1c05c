"""A trainer gives one learner more time: every part of the code uses that learner's
own deadline (allocation, stuck learners, the assignment page), nobody else's moves."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import TrainerFactory, login_with_mfa, reflection_cohort, submitted_reflection
from training.assessments.actions import DeadlineExtendAction
from training.assessments.admin_selectors import stuck_groups
from training.assessments.models import DeadlineExtension, DeadlineKind, Submission
from training.assessments.reflections import allocation, deadlines, selectors
from training.assessments.reflections.reasons import StuckReason

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
DUE = datetime.date(2026, 6, 10)
LATER = datetime.date(2026, 6, 20)
AFTER_DUE = datetime.datetime(2026, 6, 12, 12, tzinfo=AMSTERDAM)


@pytest.fixture
def setup():
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=AMSTERDAM), tick=False):
        assignment, (early, late, other) = reflection_cohort(
            learners=3, submission_due_on=DUE, review_due_on=DUE
        )
        reflection = submitted_reflection(enrolment=early, assignment=assignment)
    trainer = early.cohort.trainers.get()
    return assignment, early, late, other, reflection, trainer


def extend(enrolment, assignment, trainer, kind=DeadlineKind.SUBMISSION, until=LATER):
    return DeadlineExtendAction(
        enrolment, trainer, assignment=assignment, kind=kind, until=until
    ).execute()


def test_the_extension_is_this_learners_deadline_only(setup):
    assignment, early, late, other, reflection, trainer = setup
    extend(late, assignment, trainer)

    assert (
        deadlines.learner_deadline(enrolment=late, assignment=assignment, kind="submission")
        == LATER
    )
    assert (
        deadlines.learner_deadline(enrolment=other, assignment=assignment, kind="submission") == DUE
    )


def test_extending_again_replaces_the_date_and_is_audit_logged(setup):
    assignment, early, late, other, reflection, trainer = setup
    extend(late, assignment, trainer)
    extend(late, assignment, trainer, until=LATER + datetime.timedelta(days=3))

    assert DeadlineExtension.objects.get().until == LATER + datetime.timedelta(days=3)
    entries = ModelLogEntry.objects.filter(action="assessments.deadline_extend")
    assert entries.count() == 2
    assert entries.first().user == trainer


@pytest.mark.parametrize("until", [DUE, DUE - datetime.timedelta(days=1)])
def test_an_extension_must_be_later_than_the_groups_deadline(setup, until):
    assignment, early, late, other, reflection, trainer = setup
    with pytest.raises(deadlines.ExtensionNotLater):
        extend(late, assignment, trainer, until=until)
    assert not DeadlineExtension.objects.exists()


def test_an_assignment_without_a_deadline_cannot_be_extended(setup):
    assignment, early, late, other, reflection, trainer = setup
    assignment.review_due_on = None
    assignment.peer_review_enabled = False
    assignment.save()
    with pytest.raises(deadlines.NoSuchDeadline):
        extend(late, assignment, trainer, kind=DeadlineKind.REVIEW)


def test_stuck_learners_follow_the_extension_and_the_trainer_sees_it(setup):
    assignment, early, late, other, reflection, trainer = setup
    extend(late, assignment, trainer)
    with time_machine.travel(AFTER_DUE, tick=False):
        stuck = selectors.stuck_learners(cohort=early.cohort, assignment=assignment)
        groups = stuck_groups(cohort=early.cohort, assignments=[assignment])

    not_submitted = {
        s.enrolment for s in stuck if s.reason == StuckReason.NOT_SUBMITTED_AFTER_DEADLINE
    }
    assert not_submitted == {other}
    [group] = groups
    assert [e.extension.enrolment for e in group.extensions] == [late]
    assert "20 juni 2026" in group.extensions[0].text or "20 June 2026" in group.extensions[0].text


def test_allocation_counts_a_learner_with_more_time_as_a_possible_reviewer(setup):
    """After the group's deadline, only `late` (extended) may still submit and review."""
    assignment, early, late, other, reflection, trainer = setup
    with time_machine.travel(AFTER_DUE, tick=False):
        before = allocation.AssignmentAllocation(cohort=early.cohort, assignment=assignment)
        assert before.eligible_peers(reflection) == 0
        assert before.reviews_owed(early.learner_id)[2] is True
    extend(late, assignment, trainer)
    with time_machine.travel(AFTER_DUE, tick=False):
        after = allocation.AssignmentAllocation(cohort=early.cohort, assignment=assignment)
        assert after.eligible_peers(reflection) == 1
        # `late` may still submit, so early is not credited yet.
        assert after.reviews_owed(early.learner_id)[2] is False


def test_a_reflection_waits_for_a_reviewer_with_more_time_to_give_feedback(setup):
    assignment, early, late, other, reflection, trainer = setup
    assignment.reviews_per_submission = 1
    assignment.save()
    reflection = Submission.objects.get(pk=reflection.pk)
    with time_machine.travel(datetime.datetime(2026, 6, 2, 12, tzinfo=AMSTERDAM), tick=False):
        submitted_reflection(enrolment=late, assignment=assignment)
    with time_machine.travel(AFTER_DUE, tick=False):
        assert allocation.submission_review_state(submission=reflection).trainer_fallback
    extend(late, assignment, trainer, kind=DeadlineKind.REVIEW)
    with time_machine.travel(AFTER_DUE, tick=False):
        state = allocation.submission_review_state(submission=reflection)
    assert state.trainer_fallback is False


def test_the_assignment_page_shows_the_learners_own_deadline(setup, client):
    assignment, early, late, other, reflection, trainer = setup
    extend(late, assignment, trainer)
    client.force_login(late.learner)

    response = client.get(assignment.url)

    assert "20 juni 2026" in response.content.decode()


def test_trainer_gives_more_time_through_the_admin_form(setup, client):
    assignment, early, late, other, reflection, trainer = setup
    login_with_mfa(client, trainer)
    url = reverse("reflection_queue:extend_deadline", args=[early.cohort_id])

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "enrolment": late.pk,
            "assignment": assignment.pk,
            "kind": "submission",
            "until": "2026-06-20",
        },
    )

    assert response.status_code == 302
    assert DeadlineExtension.objects.get().enrolment == late
    queue = client.get(reverse("reflection_queue:cohort", args=[early.cohort_id]))
    assert "20 juni 2026" in queue.content.decode()


def test_a_date_that_is_not_later_gets_a_friendly_error(setup, client):
    assignment, early, late, other, reflection, trainer = setup
    login_with_mfa(client, trainer)
    url = reverse("reflection_queue:extend_deadline", args=[early.cohort_id])

    response = client.post(
        url,
        {
            "enrolment": late.pk,
            "assignment": assignment.pk,
            "kind": "submission",
            "until": "2026-06-01",
        },
    )

    assert response.status_code == 200
    assert "Kies een datum na de deadline van de groep." in response.content.decode()
    assert not DeadlineExtension.objects.exists()


def test_another_trainers_cohort_is_a_404_and_its_learners_are_not_choosable(setup, client):
    assignment, early, late, other, reflection, trainer = setup
    stranger = TrainerFactory()
    login_with_mfa(client, stranger)
    url = reverse("reflection_queue:extend_deadline", args=[early.cohort_id])

    assert client.get(url).status_code == 404
    response = client.post(
        url,
        {
            "enrolment": late.pk,
            "assignment": assignment.pk,
            "kind": "submission",
            "until": "2026-06-20",
        },
    )
    assert response.status_code == 404
    assert not DeadlineExtension.objects.exists()


def test_the_queue_shows_an_extension_even_when_nobody_is_stuck(client):
    due = datetime.date.today() + datetime.timedelta(days=5)
    assignment, (first, second) = reflection_cohort(learners=2, submission_due_on=due)
    trainer = first.cohort.trainers.get()
    later = due + datetime.timedelta(days=7)
    extend(first, assignment, trainer, until=later)
    login_with_mfa(client, trainer)

    page = client.get(reverse("reflection_queue:cohort", args=[first.cohort_id])).content.decode()

    assert "Niemand loopt vast." in page
    assert "Meer tijd om in te leveren, tot en met" in page
