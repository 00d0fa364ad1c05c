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
    activities = {a.module.pillar: a for a in PracticeActivityPage.objects.live()}
    assert set(activities) == {"listening", "boundaries"}
    assert activities["boundaries"].mode == "written"
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
