"""The demo has a skills lab with content on every screen."""

import pytest
from django.urls import reverse

from training.demo.seed import seed_demo
from training.practice.models import (
    Observation,
    PracticeActivityPage,
    PracticeGroup,
    Scenario,
    SpeakerRating,
    WrittenTurn,
)

pytestmark = pytest.mark.django_db


def test_demo_seeds_scenarios_activities_and_a_cohort_that_practised(client):
    seed_demo()
    seed_demo()  # idempotent
    assert Scenario.objects.count() >= 8
    found = {(a.module.pillar, a.mode): a for a in PracticeActivityPage.objects.live()}
    # Each pillar practised live and in writing: a learner who cannot meet finishes too.
    assert set(found) == {
        ("listening", "live"),
        ("listening", "written"),
        ("boundaries", "live"),
        ("boundaries", "written"),
    }
    activities = {"listening": found[("listening", "live")]}
    # The current demo cohort has four learners: one group of four (a leftover joins as a fourth).
    assert PracticeGroup.objects.filter(activity=activities["listening"]).count() >= 1
    assert Observation.objects.count() >= 4 and SpeakerRating.objects.count() >= 3
    assert WrittenTurn.objects.count() == 4

    from django.contrib.auth import get_user_model

    learner = get_user_model().objects.get(email="deelnemer@example.org")
    client.force_login(learner)
    growth = client.get(reverse("practice:mine")).content.decode()
    assert 'class="growth-chart"' in growth
    group = PracticeGroup.objects.filter(members__enrolment__learner=learner).first()
    assert client.get(reverse("practice:group", args=[group.public_id])).status_code == 200
    assert client.get(reverse("practice:round", args=[group.public_id, 1])).status_code == 200
    assert client.get(activities["listening"].url).status_code == 200


def test_every_seeded_conversation_belongs_to_its_rounds_scenario():
    """The written group's speaker card and the seeded turns tell one story (issue 20):
    the rounds take scenarios easiest first, so the demo writes for the round whose card
    the conversation plays, never for a fixed round."""
    import re

    from training.practice import demo
    from training.practice.models import PracticeRound

    seed_demo()
    rounds = PracticeRound.objects.filter(turns__isnull=False).distinct()
    assert rounds.exists()
    for practice_round in rounds.select_related("scenario"):
        scenario = practice_round.scenario
        assert scenario is not None
        turns = list(practice_round.turns.order_by("number").values_list("text", flat=True))
        assert scenario.title in demo.CONVERSATIONS, (practice_round.number, scenario.title)
        expected = [text for _role, text in demo.CONVERSATIONS[scenario.title]]
        assert turns == expected[: len(turns)]
        # The speaker plays the card: the card's person speaks in the conversation.
        [persona] = re.findall(r"^Je bent (\w+)", scenario.who_you_are)
        assert persona in turns[0]


def test_the_demo_course_can_be_finished_in_writing_alone():
    from training.courses.models import CoursePage
    from training.practice.feasibility import practice_rules_feasibility

    seed_demo()
    course = CoursePage.objects.get(slug="basiscursus-gespreksbegeleiding")
    feasibility = practice_rules_feasibility(course=course)
    assert feasibility.required == 2
    assert feasibility.met_in(feasibility.written) and feasibility.met_in(feasibility.live)
    assert feasibility.warnings() == []
