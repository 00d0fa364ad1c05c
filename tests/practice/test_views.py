"""The learner's skills-lab pages: opting in, the group, a round, growth; privacy."""

import pytest
from django.urls import reverse

from tests.conftest import WEDNESDAY_NOON
from tests.factories import EnrolmentFactory, TrainerFactory, UserFactory
from tests.practice.factories import answers_for
from training.practice import services
from training.practice.models import ListenerReflection, Observation, PracticeOptIn, WrittenTurn

pytestmark = pytest.mark.django_db


def no_store(response):
    return "no-store" in response["Cache-Control"]


def grouped(activity, learners, agree=True):
    for enrolment in learners:
        services.practice_opt_in(activity=activity, enrolment=enrolment, slots=["2-evening"])
    [group] = services.practice_groups_form(activity=activity, cohort=learners[0].cohort)
    if agree:
        for member in group.members.all():
            services.practice_agree(member=member)
        services.practice_group_met_confirm(group=group, member=group.members.first())
    return group


def member_user(group, predicate):
    member = predicate(group)
    return member, member.enrolment.learner


def test_activity_page_offers_opt_in_and_is_not_stored(client, activity, learners):
    client.force_login(learners[0].learner)
    response = client.get(activity.url)
    assert response.status_code == 200
    assert no_store(response)
    assert "Aanmelden om te oefenen" in response.content.decode()


def test_opt_in_without_moments_explains_and_creates_nothing(client, activity, learners):
    client.force_login(learners[0].learner)
    url = reverse("practice:opt_in", args=[activity.pk])
    response = client.post(url, {}, follow=True)
    assert "Kies minstens één moment van de week." in response.content.decode()
    assert not PracticeOptIn.objects.exists()
    client.post(url, {"slots": ["2-evening", "4-morning"]})
    client.post(url, {"slots": ["2-evening", "4-morning"]})  # a double click
    assert PracticeOptIn.objects.get().slots == ["2-evening", "4-morning"]


def test_a_learner_alone_is_told_so(client, activity, learners):
    client.force_login(learners[0].learner)
    client.post(reverse("practice:opt_in", args=[activity.pk]), {"slots": ["2-evening"]})
    response = client.get(activity.url)
    assert "Je bent tot nu toe de enige" in response.content.decode()


def test_group_page_is_for_its_members_and_its_trainers_only(client, activity, learners):
    group = grouped(activity, learners)
    url = reverse("practice:group", args=[group.public_id])
    client.force_login(learners[0].learner)
    response = client.get(url)
    assert response.status_code == 200 and no_store(response)
    for outsider in (
        UserFactory(),
        EnrolmentFactory(cohort=learners[0].cohort).learner,  # same cohort, other group
        TrainerFactory(),  # a trainer of another cohort
    ):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        round_url = reverse("practice:round", args=[group.public_id, 1])
        assert client.get(round_url).status_code == 404
        assert client.post(round_url, {"form": "rating", "felt_heard": 4}).status_code == 404
    client.force_login(group.cohort.trainers.first())
    assert client.get(url).status_code == 200


def test_rounds_wait_for_everyone_to_agree(client, activity, learners):
    group = grouped(activity, learners, agree=False)
    client.force_login(learners[0].learner)
    url = reverse("practice:group", args=[group.public_id])
    response = client.post(reverse("practice:agree", args=[group.public_id]), {})
    assert response.status_code == 200
    assert "Vink het vakje aan" in response.content.decode()
    client.post(reverse("practice:agree", args=[group.public_id]), {"agree": "on"})
    assert "als iedereen in de groep heeft ingestemd" in client.get(url).content.decode()


def test_observer_saves_an_observation_and_bad_input_keeps_the_text(client, activity, learners):
    group = grouped(activity, learners)
    first = group.rounds.get(number=1)
    [observer] = services.round_observers(first)
    client.force_login(observer.enrolment.learner)
    url = reverse("practice:round", args=[group.public_id, 1])
    answers = answers_for(activity)
    example_key = str(activity.criteria.get(kind="example").key)
    answers[example_key] = "Ze zei: wat betekende dat voor jou?"
    answers[str(activity.criteria.get(measure="advice").key)] = "veel"
    response = client.post(url, {"form": "observation", **answers})
    assert response.status_code == 400
    assert "Ze zei: wat betekende dat voor jou?" in response.content.decode()
    assert not Observation.objects.exists()
    answers[str(activity.criteria.get(measure="advice").key)] = 1
    response = client.post(url, {"form": "observation", **answers})
    assert response.status_code == 302
    assert Observation.objects.get().answers[example_key] == "Ze zei: wat betekende dat voor jou?"


def test_the_listeners_self_reflection_is_not_shown_to_the_group(client, activity, learners):
    group = grouped(activity, learners)
    first = group.rounds.get(number=1)
    client.force_login(first.listener.enrolment.learner)
    url = reverse("practice:round", args=[group.public_id, 1])
    client.post(
        url, {"form": "reflection", "went_well": "Ik vatte samen.", "advice_moment": "Bij de tip."}
    )
    assert ListenerReflection.objects.get().went_well == "Ik vatte samen."
    assert "Ik vatte samen." in client.get(url).content.decode()
    client.force_login(first.speaker.enrolment.learner)
    assert "Ik vatte samen." not in client.get(url).content.decode()


def test_only_the_speaker_rates_and_the_coach_notices_advice(client, activity, learners):
    group = grouped(activity, learners)
    first = group.rounds.get(number=1)
    url = reverse("practice:round", args=[group.public_id, 1])
    client.force_login(first.listener.enrolment.learner)
    assert client.post(url, {"form": "rating", "felt_heard": 4}).status_code == 400
    client.force_login(first.speaker.enrolment.learner)
    client.post(url, {"form": "rating", "felt_heard": 3, "sentence": "Je moet beter luisteren."})
    page = client.get(url).content.decode()
    assert "Gehoord gevoeld: 3 / 4" in page
    assert "klinkt als advies" in page


def test_growth_page_shows_an_svg_chart_and_a_table(client, activity, learners):
    group = grouped(activity, learners)
    first = group.rounds.get(number=1)
    [observer] = services.round_observers(first)
    services.observation_submit(
        practice_round=first,
        observer=observer,
        answers=answers_for(activity, open_questions=4, closed_questions=1),
    )
    services.rating_submit(practice_round=first, speaker=first.speaker, felt_heard=4, sentence="")
    client.force_login(first.listener.enrolment.learner)
    response = client.get(reverse("practice:mine"))
    page = response.content.decode()
    assert no_store(response)
    assert '<svg class="growth-chart"' in page and 'role="img"' in page
    assert "<td>4</td>" in page and "<td>1</td>" in page


def test_meeting_invitation_is_an_ics_file_for_the_group(client, activity, learners, pinned_clock):
    pinned_clock(WEDNESDAY_NOON)  # the meeting's moment comes from the clock
    group = grouped(activity, learners)
    [start, *_] = services.meeting_choices(group=group)
    client.force_login(learners[0].learner)
    url = reverse("practice:ics", args=[group.public_id])
    assert client.get(url).status_code == 404  # no meeting yet
    response = client.post(
        reverse("practice:meeting", args=[group.public_id]),
        {"meeting_at": start.isoformat(), "meeting_place": "Buurthuis De Linde, Utrecht"},
    )
    assert response.status_code == 302
    response = client.get(url)
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar"
    assert "BEGIN:VEVENT" in body and "Buurthuis De Linde" in body and "BEGIN:VALARM" in body
    assert learners[1].learner.display_name not in body


def test_written_mode_end_to_end(client, activity, learners):
    activity.mode = "written"
    activity.save()
    group = grouped(activity, learners)
    first = group.rounds.get(number=1)
    url = reverse("practice:round", args=[group.public_id, 1])
    client.force_login(first.listener.enrolment.learner)
    response = client.post(url, {"form": "turn", "text": "Hoe gaat het?"})
    assert response.status_code == 400  # the speaker opens
    assert "Hoe gaat het?" in response.content.decode()  # and the text is not lost
    client.force_login(first.speaker.enrolment.learner)
    client.post(url, {"form": "turn", "text": "Ik ben op, ik zorg al jaren voor mijn man."})
    client.force_login(first.listener.enrolment.learner)
    client.post(url, {"form": "turn", "text": "Je bent op. Wat maakt het zo zwaar?"})
    [observer] = services.round_observers(first)
    client.force_login(observer.enrolment.learner)
    page = client.get(url).content.decode()
    assert "Ik ben op, ik zorg al jaren voor mijn man." in page
    assert "Je bent op. Wat maakt het zo zwaar?" in page
    assert 'name="form" value="observation"' in page
    client.force_login(first.speaker.enrolment.learner)
    client.post(url, {"form": "turn", "close": "1"})
    first.refresh_from_db()
    assert first.written_closed_at is not None


def test_erasure_helper_empties_what_a_learner_wrote(activity, learners):
    group = grouped(activity, learners)
    first = group.rounds.get(number=1)
    [observer] = services.round_observers(first)
    services.observation_submit(
        practice_round=first, observer=observer, answers=answers_for(activity, open_questions=3)
    )
    services.self_reflection_submit(
        practice_round=first, listener=first.listener, went_well="Goed", advice_moment="Bijna"
    )
    services.practice_texts_remove(
        enrolment_ids=[observer.enrolment_id, first.listener.enrolment_id]
    )
    observation = Observation.objects.get()
    example = str(activity.criteria.get(kind="example").key)
    assert observation.answers[example] == ""
    assert observation.answers[str(activity.criteria.get(measure="open_questions").key)] == 3
    reflection = ListenerReflection.objects.get()
    assert (reflection.went_well, reflection.advice_moment) == ("", "")


def test_a_written_turn_while_the_database_is_locked_gets_a_calm_503(client, activity, learners):
    from tests.busy import assert_busy, database_locked

    activity.mode = "written"
    activity.save()
    group = grouped(activity, learners)
    first = group.rounds.get(number=1)
    client.force_login(first.speaker.enrolment.learner)
    url = reverse("practice:round", args=[group.public_id, 1])
    text = "Ik ben op, ik zorg al jaren voor mijn man."
    with database_locked():
        response = client.post(url, {"form": "turn", "text": text})
    assert_busy(response, kept=(text,))
    assert not WrittenTurn.objects.exists()
