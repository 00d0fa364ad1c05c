"""Only practice that happened counts: a live round from the start of the group's
meeting (or from when the group said it met), a written round once it is closed.

The clock is pinned: Monday 7 December 2026, 14:00 in Amsterdam; the group's shared
moment is Tuesday evening, so its meeting starts 8 December at 19:30.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.practice.factories import answers_for
from tests.practice.test_services import formed_group
from training.practice import errors, services
from training.practice.models import Observation, PracticeGroupMet, PracticeRound
from training.practice.selectors import listener_rounds_observed

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MONDAY_AFTERNOON = datetime.datetime(2026, 12, 7, 14, 0, tzinfo=AMSTERDAM)
MEETING = datetime.datetime(2026, 12, 8, 19, 30, tzinfo=AMSTERDAM)


@pytest.fixture
def clock():
    with time_machine.travel(MONDAY_AFTERNOON, tick=False) as traveller:
        yield traveller


def meeting_group(activity, learners, *, slots=("1-evening",)):
    """A group of three that agreed and set its meeting for Tuesday 19:30."""
    for enrolment in learners:
        services.practice_opt_in(activity=activity, enrolment=enrolment, slots=list(slots))
    [group] = services.practice_groups_form(activity=activity, cohort=learners[0].cohort)
    for member in group.members.all():
        services.practice_agree(member=member)
    [start, *_] = services.meeting_choices(group=group)
    assert start == MEETING
    services.practice_meeting_set(group=group, meeting_at=start, meeting_place="Buurthuis")
    return group


def observe(activity, practice_round):
    [observer] = services.round_observers(practice_round)
    return services.observation_submit(
        practice_round=practice_round, observer=observer, answers=answers_for(activity)
    )


def test_a_live_round_before_the_meeting_is_refused_and_counts_nothing(clock, activity, learners):
    group = meeting_group(activity, learners)
    first = group.rounds.get(number=1)
    with pytest.raises(errors.NotMetYet) as refused:
        observe(activity, first)
    assert "dinsdag 8 december, 19:30" in refused.value.message
    for submit in (
        lambda: services.rating_submit(
            practice_round=first, speaker=first.speaker, felt_heard=4, sentence=""
        ),
        lambda: services.self_reflection_submit(
            practice_round=first, listener=first.listener, went_well="Goed", advice_moment=""
        ),
    ):
        with pytest.raises(errors.NotMetYet):
            submit()
    assert not Observation.objects.exists()
    assert listener_rounds_observed(enrolment=first.listener.enrolment) == 0

    clock.move_to(MEETING)  # the meeting starts: from now on the round can be recorded
    observe(activity, first)
    assert listener_rounds_observed(enrolment=first.listener.enrolment) == 1


def test_a_live_round_without_any_meeting_waits_for_the_group(clock, activity, learners):
    group = formed_group(activity, learners)
    for member in group.members.all():
        services.practice_agree(member=member)
    with pytest.raises(errors.NotMetYet) as refused:
        observe(activity, group.rounds.get(number=1))
    assert "nog niet" in refused.value.message


def test_the_group_says_it_met_once_with_who_and_when(clock, activity, learners):
    group = meeting_group(activity, learners)
    first_member, second_member, _third = group.members.order_by("position")
    met = services.practice_group_met_confirm(group=group, member=second_member)
    again = services.practice_group_met_confirm(group=group, member=first_member)  # a 2nd click
    assert again.pk == met.pk and again.confirmed_by == second_member
    assert met.confirmed_at == MONDAY_AFTERNOON
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeGroupMet.objects.create(group=group, confirmed_by=first_member)
    # In each member's data export: when their group said it met.
    from training.practice.selectors import practice_personal_data

    [row] = practice_personal_data(enrolment_ids=[first_member.enrolment_id])["practice_groups"]
    assert datetime.datetime.fromisoformat(row["met_at"]) == MONDAY_AFTERNOON


def test_saying_we_met_opens_the_live_rounds_before_the_planned_meeting(clock, activity, learners):
    group = meeting_group(activity, learners)
    first = group.rounds.get(number=1)
    services.practice_group_met_confirm(group=group, member=first.speaker)
    clock.shift(datetime.timedelta(minutes=30))
    observe(activity, first)
    assert listener_rounds_observed(enrolment=first.listener.enrolment) == 1


def test_only_a_member_of_an_agreed_group_says_it_met(clock, activity, learners):
    group = formed_group(activity, learners)
    with pytest.raises(errors.AgreementFirst):
        services.practice_group_met_confirm(group=group, member=group.members.first())
    for member in group.members.all():
        services.practice_agree(member=member)
    with pytest.raises(errors.NotYourTurn):
        services.practice_group_met_confirm(group=group, member=None)
    assert not PracticeGroupMet.objects.exists()


def test_a_moved_meeting_keeps_only_rounds_recorded_after_it_started(clock, activity, learners):
    group = meeting_group(activity, learners, slots=("1-evening", "3-evening"))
    first = group.rounds.get(number=1)
    clock.move_to(MEETING + datetime.timedelta(minutes=40))
    observe(activity, first)
    listener = first.listener.enrolment
    assert listener_rounds_observed(enrolment=listener) == 1
    # The group moves its meeting to Thursday: the round saved on Tuesday no longer counts.
    thursday = datetime.datetime(2026, 12, 10, 19, 30, tzinfo=AMSTERDAM)
    assert thursday in services.meeting_choices(group=group)
    services.practice_meeting_set(group=group, meeting_at=thursday, meeting_place="Buurthuis")
    assert listener_rounds_observed(enrolment=listener) == 0
    # Saved again after the moved meeting started, it counts again.
    clock.move_to(thursday + datetime.timedelta(minutes=5))
    observe(activity, first)
    assert listener_rounds_observed(enrolment=listener) == 1


def test_an_observation_saved_before_this_rule_existed_does_not_count(clock, activity, learners):
    """Rows saved before the meeting (as the defect allowed) are left out of every count."""
    group = meeting_group(activity, learners)
    first = group.rounds.get(number=1)
    [observer] = services.round_observers(first)
    Observation.objects.create(round=first, observer=observer, answers=answers_for(activity))
    assert listener_rounds_observed(enrolment=first.listener.enrolment) == 0
    assert not PracticeRound.objects.that_count().exists()


def test_a_written_round_counts_once_its_conversation_is_closed(clock, activity, learners):
    activity.mode = "written"
    activity.save()
    group = formed_group(activity, learners)
    for member in group.members.all():
        services.practice_agree(member=member)
    first = group.rounds.get(number=1)
    services.written_turn_add(practice_round=first, author=first.speaker, text="Ik ben zo moe.")
    observe(activity, first)  # the observer may fill the form while reading along
    listener = first.listener.enrolment
    assert listener_rounds_observed(enrolment=listener) == 0
    services.written_round_close(practice_round=first, member=first.listener)
    assert listener_rounds_observed(enrolment=listener) == 1


def test_the_round_page_refuses_before_the_meeting_and_keeps_what_was_typed(
    clock, client, activity, learners
):
    group = meeting_group(activity, learners)
    first = group.rounds.get(number=1)
    [observer] = services.round_observers(first)
    url = reverse("practice:round", args=[group.public_id, 1])
    client.force_login(observer.enrolment.learner)
    page = client.get(url).content.decode()
    assert "Je kunt de rondes invullen vanaf het begin van jullie afspraak" in page
    answers = answers_for(activity)
    example = str(activity.criteria.get(kind="example").key)
    answers[example] = "Ze zei: wat maakt het voor jou zo zwaar?"

    response = client.post(url, {"form": "observation", **answers})

    assert response.status_code == 409
    body = response.content.decode()
    assert "Jullie afspraak begint op dinsdag 8 december, 19:30." in body
    assert "Wat je schreef, staat er nog." in body
    assert "Ze zei: wat maakt het voor jou zo zwaar?" in body
    assert not Observation.objects.exists()

    # The listener's reflection: refused the same way, the words kept.
    client.force_login(first.listener.enrolment.learner)
    response = client.post(
        url, {"form": "reflection", "went_well": "Ik liet een stilte vallen.", "advice_moment": ""}
    )
    assert response.status_code == 409
    assert "Ik liet een stilte vallen." in response.content.decode()

    # The group says it met (the button on the round page), and the same post is saved.
    response = client.post(reverse("practice:met", args=[group.public_id]), {"round": "1"})
    assert response.status_code == 302 and response["Location"] == url
    assert PracticeGroupMet.objects.get(group=group).confirmed_by == first.listener
    client.force_login(observer.enrolment.learner)
    assert client.post(url, {"form": "observation", **answers}).status_code == 302
    assert Observation.objects.get().answers[example] == "Ze zei: wat maakt het voor jou zo zwaar?"


def test_only_members_say_their_group_met(clock, client, activity, learners):
    from tests.factories import EnrolmentFactory

    group = meeting_group(activity, learners)
    outsider = EnrolmentFactory(cohort=learners[0].cohort).learner
    client.force_login(outsider)
    assert client.post(reverse("practice:met", args=[group.public_id])).status_code == 404
    client.force_login(group.cohort.trainers.first())
    assert client.post(reverse("practice:met", args=[group.public_id])).status_code == 404
    assert not PracticeGroupMet.objects.exists()


def test_ticking_we_met_in_the_form_saves_it_with_the_words(clock, client, activity, learners):
    group = meeting_group(activity, learners)
    first = group.rounds.get(number=1)
    url = reverse("practice:round", args=[group.public_id, 1])
    client.force_login(first.speaker.enrolment.learner)
    page = client.get(url).content.decode()
    assert 'name="we_met"' in page
    response = client.post(
        url, {"form": "rating", "felt_heard": 4, "sentence": "Ik voelde me gehoord.", "we_met": "1"}
    )
    assert response.status_code == 302
    assert PracticeGroupMet.objects.get(group=group).confirmed_by == first.speaker
    assert first.__class__.objects.get(pk=first.pk).rating.sentence == "Ik voelde me gehoord."
    assert 'name="we_met"' not in client.get(url).content.decode()
