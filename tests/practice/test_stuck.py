"""Learners waiting for a practice group, or whose group has not met, in the stuck tab."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import EnrolmentFactory, login_with_mfa
from tests.practice.factories import answers_for
from tests.practice.test_services import formed_group, opt_in_all
from training.practice import services
from training.practice.models import PracticeGroup, PracticeOptIn
from training.practice.stuck import practice_stuck_sections

pytestmark = pytest.mark.django_db

DAYS = datetime.timedelta(days=1)


def reasons(cohort, now=None):
    return {
        entry.enrolment.pk: entry.reasons
        for section in practice_stuck_sections(cohort=cohort, now=now)
        for entry in section.learners
    }


def test_one_learner_alone_waits_for_a_practice_group(activity, learners):
    opt_in_all(activity, learners[:1])
    [[reason]] = reasons(learners[0].cohort).values()
    assert reason.startswith("Wacht op een oefengroep sinds")
    assert "verder wacht er niemand" in reason


def test_waiting_counts_after_a_week_or_once_groups_were_formed_without_them(activity, learners):
    cohort = learners[0].cohort
    opt_in_all(activity, learners[:2])
    assert reasons(cohort) == {}  # two fresh opt-ins: the trainer has time to group them
    later = timezone.now() + 8 * DAYS
    assert set(reasons(cohort, now=later)) == {learners[0].pk, learners[1].pk}
    # Groups formed after they opted in, and they are still not in one:
    PracticeOptIn.objects.filter(enrolment=learners[0]).update(created_at=timezone.now() - 2 * DAYS)
    PracticeGroup.objects.create(activity=activity, cohort=cohort, number=9)
    [reason] = reasons(cohort)[learners[0].pk]
    assert "daarna zijn er groepen gevormd" in reason


def test_a_group_that_has_not_met_after_its_moment_is_listed(activity, learners):
    group = formed_group(activity, learners)
    cohort = learners[0].cohort
    assert reasons(cohort) == {}
    PracticeGroup.objects.filter(pk=group.pk).update(meeting_at=timezone.now() - 2 * DAYS)
    found = reasons(cohort)
    assert set(found) == {e.pk for e in learners}
    assert all("nog geen ronde ingevuld" in r[0] for r in found.values())
    # Once a round has an observation, the group has met.
    for member in group.members.all():
        services.practice_agree(member=member)
    first = group.rounds.get(number=1)
    [observer] = services.round_observers(first)
    services.observation_submit(
        practice_round=first, observer=observer, answers=answers_for(activity)
    )
    assert reasons(cohort) == {}


def test_a_group_without_a_moment_after_a_week_is_listed(activity, learners):
    formed_group(activity, learners)
    [reason, *_] = reasons(learners[0].cohort, now=timezone.now() + 8 * DAYS).values()
    assert "nog geen moment gekozen" in reason[0]


def test_a_learner_left_alone_in_a_group_is_listed(activity, learners):
    formed_group(activity, learners)
    for enrolment in learners[1:]:
        enrolment.status = enrolment.Status.LEFT
        enrolment.save()
    assert reasons(learners[0].cohort) == {
        learners[0].pk: ["Wacht op een oefengroep: alleen over in groep 1"]
    }


def test_the_stuck_tab_shows_them_with_a_link_to_the_groups(client, activity, learners):
    opt_in_all(activity, learners[:1])
    cohort = learners[0].cohort
    EnrolmentFactory()  # someone elsewhere
    login_with_mfa(client, cohort.trainers.first())

    response = client.get(reverse("reflection_queue:cohort", args=[cohort.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert f"Oefenlab: “{activity.title}”" in page
    assert "Wacht op een oefengroep" in page
    assert learners[0].learner.get_full_name() in page
    assert reverse("practice_admin:cohort", args=[cohort.pk]) in page
    assert "Niemand loopt vast" not in page


def test_an_observation_from_before_a_moved_meeting_does_not_make_the_group_met(activity, learners):
    """The stuck tab follows the skills lab's own rule of practice that happened
    (`PracticeRound.objects.that_count()` or the group saying it met), not "any
    observation": a round filled in before the meeting it was moved to is no meeting."""
    group = formed_group(activity, learners)
    cohort = learners[0].cohort
    PracticeGroup.objects.filter(pk=group.pk).update(meeting_at=timezone.now() - 2 * DAYS)
    for member in group.members.all():
        services.practice_agree(member=member)
    first = group.rounds.get(number=1)
    [observer] = services.round_observers(first)
    services.observation_submit(
        practice_round=first, observer=observer, answers=answers_for(activity)
    )
    assert reasons(cohort) == {}
    # The meeting was moved to two days later; five days on, it is a day and more past.
    PracticeGroup.objects.filter(pk=group.pk).update(meeting_at=timezone.now() + 2 * DAYS)
    found = reasons(cohort, now=timezone.now() + 5 * DAYS)
    assert set(found) == {e.pk for e in learners}
    assert all("nog geen ronde ingevuld" in r[0] for r in found.values())
    # Saying "we met" is practice that happened.
    services.practice_group_met_confirm(group=group, member=group.members.first())
    assert reasons(cohort, now=timezone.now() + 5 * DAYS) == {}
