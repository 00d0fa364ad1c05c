"""The skills lab's services: opting in, forming groups, agreeing, rounds, forms."""

import pytest
from django.db import IntegrityError

from tests.conftest import WEDNESDAY_NOON
from tests.factories import CohortFactory, EnrolmentFactory
from tests.practice.factories import ScenarioFactory, answers_for
from training.practice import errors, services
from training.practice.models import (
    Observation,
    PracticeGroup,
    PracticeMember,
    PracticeOptIn,
    PracticeRound,
    SpeakerRating,
)

pytestmark = pytest.mark.django_db


def opt_in_all(activity, enrolments, slots=("0-evening",)):
    for enrolment in enrolments:
        services.practice_opt_in(activity=activity, enrolment=enrolment, slots=list(slots))


def formed_group(activity, learners):
    opt_in_all(activity, learners)
    [group] = services.practice_groups_form(activity=activity, cohort=learners[0].cohort)
    return group


def test_opt_in_twice_updates_the_one_opt_in(activity, learners):
    services.practice_opt_in(activity=activity, enrolment=learners[0], slots=["0-evening"])
    services.practice_opt_in(
        activity=activity, enrolment=learners[0], slots=["1-morning", "bogus", "0-evening"]
    )
    opt_in = PracticeOptIn.objects.get()
    assert opt_in.slots == ["0-evening", "1-morning"]


def test_the_database_refuses_a_second_opt_in(activity, learners):
    services.practice_opt_in(activity=activity, enrolment=learners[0], slots=["0-evening"])
    with pytest.raises(IntegrityError):
        PracticeOptIn.objects.create(
            activity=activity, enrolment=learners[0], cohort=learners[0].cohort, slots=[]
        )


def test_opt_in_needs_a_moment_and_the_course(activity, learners):
    with pytest.raises(errors.NoMomentsChosen):
        services.practice_opt_in(activity=activity, enrolment=learners[0], slots=["nonsense"])
    stranger = EnrolmentFactory()  # another course
    with pytest.raises(errors.NotInThisCourse):
        services.practice_opt_in(activity=activity, enrolment=stranger, slots=["0-evening"])


def test_one_person_is_not_grouped_and_a_latecomer_joins_as_fourth(activity, learners):
    cohort = learners[0].cohort
    opt_in_all(activity, learners[:1])
    assert services.practice_groups_form(activity=activity, cohort=cohort) == []
    opt_in_all(activity, learners[1:])
    [group] = services.practice_groups_form(activity=activity, cohort=cohort)
    assert group.members.count() == 3
    late = EnrolmentFactory(cohort=cohort)
    opt_in_all(activity, [late])
    assert services.practice_groups_form(activity=activity, cohort=cohort) == [group]
    assert group.members.count() == 4
    assert services.practice_groups_form(activity=activity, cohort=cohort) == []


def test_the_database_refuses_a_second_membership(activity, learners):
    group = formed_group(activity, learners)
    other = PracticeGroup.objects.create(activity=activity, cohort=group.cohort, number=9)
    with pytest.raises(IntegrityError):
        PracticeMember.objects.create(
            group=other, enrolment=learners[0], activity=activity, position=0
        )


def test_rounds_appear_when_all_agreed_and_rotate(activity, learners):
    scenario = ScenarioFactory()
    activity.scenarios.add(scenario)
    activity.save()
    group = formed_group(activity, learners)
    members = list(group.members.all())
    for member in members[:2]:
        services.practice_agree(member=member)
    assert not PracticeRound.objects.exists()
    services.practice_agree(member=members[2])
    services.practice_agree(member=members[2])  # a double click changes nothing
    rounds = list(group.rounds.order_by("number"))
    assert len(rounds) == 3
    assert {r.listener_id for r in rounds} == {m.pk for m in members}
    assert all(r.speaker_id != r.listener_id for r in rounds)
    assert rounds[0].scenario == scenario


def agreed_group(activity, learners, *, met=True):
    """A group whose members all agreed; with `met`, it said it met (live rounds open)."""
    group = formed_group(activity, learners)
    for member in group.members.all():
        services.practice_agree(member=member)
    if met:
        services.practice_group_met_confirm(group=group, member=group.members.first())
    return group


def test_only_the_observer_observes_and_a_resubmit_corrects(activity, learners):
    group = agreed_group(activity, learners)
    first = group.rounds.get(number=1)
    [observer] = services.round_observers(first)
    with pytest.raises(errors.NotYourTurn):
        services.observation_submit(
            practice_round=first, observer=first.speaker, answers=answers_for(activity)
        )
    services.observation_submit(
        practice_round=first, observer=observer, answers=answers_for(activity, open_questions=2)
    )
    services.observation_submit(
        practice_round=first, observer=observer, answers=answers_for(activity, open_questions=5)
    )
    observation = Observation.objects.get()
    key = str(activity.criteria.get(measure="open_questions").key)
    assert observation.answers[key] == 5


def test_an_observation_with_a_bad_count_is_refused(activity, learners):
    group = agreed_group(activity, learners)
    first = group.rounds.get(number=1)
    [observer] = services.round_observers(first)
    answers = answers_for(activity)
    answers[str(activity.criteria.get(measure="advice").key)] = "veel"
    with pytest.raises(errors.IncompleteForm):
        services.observation_submit(practice_round=first, observer=observer, answers=answers)
    assert not Observation.objects.exists()


def test_forms_wait_for_the_agreement(activity, learners):
    group = formed_group(activity, learners)
    members = list(group.members.all())
    for member in members:
        services.practice_agree(member=member)
    first = group.rounds.get(number=1)
    PracticeMember.objects.filter(pk=members[0].pk).update(agreed_at=None)
    with pytest.raises(errors.AgreementFirst):
        services.rating_submit(
            practice_round=first, speaker=first.speaker, felt_heard=3, sentence=""
        )


def test_rating_is_1_to_4_and_one_per_round(activity, learners):
    group = agreed_group(activity, learners)
    first = group.rounds.get(number=1)
    for bad in (0, 5, "x", None):
        with pytest.raises(errors.InvalidRating):
            services.rating_submit(
                practice_round=first, speaker=first.speaker, felt_heard=bad, sentence=""
            )
    services.rating_submit(practice_round=first, speaker=first.speaker, felt_heard=2, sentence="")
    services.rating_submit(
        practice_round=first, speaker=first.speaker, felt_heard=4, sentence="Ik voelde me gehoord."
    )
    rating = SpeakerRating.objects.get()
    assert (rating.felt_heard, rating.sentence) == (4, "Ik voelde me gehoord.")


def test_a_pair_has_the_speaker_observe(activity, learners):
    opt_in_all(activity, learners[:2])
    [group] = services.practice_groups_form(activity=activity, cohort=learners[0].cohort)
    for member in group.members.all():
        services.practice_agree(member=member)
    first = group.rounds.get(number=1)
    assert services.round_observers(first) == [first.speaker]


def test_trainer_moves_a_learner_before_the_rounds_start(activity):
    cohort = CohortFactory(course=activity.course)
    enrolments = [EnrolmentFactory(cohort=cohort) for _ in range(7)]
    opt_in_all(activity, enrolments)
    first, second = services.practice_groups_form(activity=activity, cohort=cohort)
    big, small = sorted([first, second], key=lambda g: -g.members.count())
    mover = big.members.last()
    services.practice_member_move(member=mover, group=small)
    assert big.members.count() == 3 and small.members.count() == 4
    assert sorted(small.members.values_list("position", flat=True)) == [0, 1, 2, 3]
    with pytest.raises(errors.GroupFull):
        services.practice_member_move(member=big.members.first(), group=small)
    for member in small.members.all():
        services.practice_agree(member=member)
    with pytest.raises(errors.RoundsStarted):
        services.practice_member_move(member=small.members.first(), group=big)


def test_meeting_must_be_a_shared_moment_and_a_safe_link(activity, learners, pinned_clock):
    pinned_clock(WEDNESDAY_NOON)  # the next shared moment comes from the clock
    group = formed_group(activity, learners)
    [start, *_rest] = services.meeting_choices(group=group)
    assert start.weekday() == 0
    with pytest.raises(errors.InvalidLink):
        services.practice_meeting_set(
            group=group, meeting_at=start, meeting_place="javascript://alert(1)"
        )
    services.practice_meeting_set(
        group=group, meeting_at=start, meeting_place="https://meet.jit.si/oefengroep-7"
    )
    group.refresh_from_db()
    assert group.meeting_place == "https://meet.jit.si/oefengroep-7"


def test_written_turns_alternate_starting_with_the_speaker(activity, learners):
    group = agreed_group(activity, learners)
    first = group.rounds.get(number=1)
    with pytest.raises(errors.NotYourTurn):
        services.written_turn_add(practice_round=first, author=first.listener, text="Hoi")
    services.written_turn_add(practice_round=first, author=first.speaker, text="Ik ben zo moe.")
    with pytest.raises(errors.NotYourTurn):
        services.written_turn_add(practice_round=first, author=first.speaker, text="En verder")
    turn = services.written_turn_add(
        practice_round=first, author=first.listener, text="Wat maakt je zo moe?"
    )
    assert turn.number == 2
    services.written_round_close(practice_round=first, member=first.listener)
    with pytest.raises(errors.PracticeError):
        services.written_turn_add(practice_round=first, author=first.speaker, text="Nog iets")
