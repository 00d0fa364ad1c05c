"""Scenarios carry one or more pillars; the library filters by them, activities prefer them."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from tests.factories import ModulePageFactory, UserFactory, build_course, login_with_mfa
from tests.practice.factories import PracticeActivityPageFactory, ScenarioFactory
from tests.practice.test_services import agreed_group
from training.courses.pillars import Pillar
from training.practice.models import PillarTag, Scenario, scenarios_preferring

pytestmark = pytest.mark.django_db


def tag(*pillars):
    return [PillarTag.objects.get(pillar=pillar) for pillar in pillars]


def test_the_migration_made_one_row_per_pillar():
    assert sorted(PillarTag.objects.values_list("pillar", flat=True)) == sorted(Pillar.values)


def test_a_scenario_carries_several_pillars_in_pillar_order():
    scenario = ScenarioFactory()
    scenario.pillars.set(tag(Pillar.BOUNDARIES, Pillar.LISTENING))
    assert scenario.pillar_list == [Pillar.LISTENING, Pillar.BOUNDARIES]
    assert scenario.pillar_labels() == "Luistervaardigheden, Grenzen bewaken"


def test_the_data_migration_tags_each_scenario_with_its_single_pillar():
    migration = importlib.import_module("training.practice.migrations.0004_scenario_pillar_tags")

    class OldScenario:
        def __init__(self, scenario, pillar):
            self.scenario, self.pillar = scenario, pillar
            self.pillars = scenario.pillars

    boundaries, untagged = ScenarioFactory(), ScenarioFactory()
    old = [OldScenario(boundaries, "boundaries"), OldScenario(untagged, "")]

    class FakeManager:
        def all(self):
            return old

    class FakeApps:
        def get_model(self, app_label, name):
            if name == "Scenario":
                return type("S", (), {"objects": FakeManager()})
            return django_apps.get_model(app_label, name)

    migration.pillars_from_single_pillar(FakeApps(), None)
    assert boundaries.pillar_list == [Pillar.BOUNDARIES]
    assert untagged.pillar_list == [Pillar.LISTENING]


def test_the_library_filters_by_pillar(client):
    listening = ScenarioFactory(title="Alleen luisteren")
    listening.pillars.set(tag(Pillar.LISTENING))
    both = ScenarioFactory(title="Luisteren en grenzen")
    both.pillars.set(tag(Pillar.LISTENING, Pillar.BOUNDARIES))
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_practice_scenario:list")

    response = client.get(url, {"pillars": PillarTag.objects.get(pillar="boundaries").pk})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Luisteren en grenzen" in page and "Alleen luisteren" not in page
    assert "Grenzen bewaken" in page  # the pillars column


def test_the_page_editor_offers_the_modules_pillar_first(client):
    course = build_course(modules=0)
    module = ModulePageFactory(parent=course, pillar=Pillar.BOUNDARIES)
    other = ScenarioFactory(title="Aaa luisteren")
    other.pillars.set(tag(Pillar.LISTENING))
    own = ScenarioFactory(title="Zzz grenzen")
    own.pillars.set(tag(Pillar.BOUNDARIES))
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:add", args=["practice", "practiceactivitypage", module.pk])

    page = client.get(url).content.decode()

    assert page.index("Zzz grenzen (Grenzen bewaken)") < page.index("Aaa luisteren")


def test_rounds_use_the_scenarios_of_the_activitys_pillar_first(learners, activity):
    pillar = Pillar(activity.pillar)
    other_pillar = next(p for p in Pillar if p != pillar)
    elsewhere = ScenarioFactory(title="Aaa elders", difficulty=Scenario.Difficulty.LIGHT)
    elsewhere.pillars.set(tag(other_pillar))
    own = ScenarioFactory(title="Zzz eigen", difficulty=Scenario.Difficulty.HARD)
    own.pillars.set(tag(pillar))
    activity.scenarios.set([elsewhere, own])
    activity.save()

    assert [s.title for s in scenarios_preferring(pillar)][:2] == ["Zzz eigen", "Aaa elders"]
    group = agreed_group(activity, learners)
    assert group.rounds.get(number=1).scenario == own


def test_the_demo_activities_offer_scenarios_of_their_pillar():
    from training.practice.demo import _scenarios

    scenarios = _scenarios()
    assert len(scenarios) >= 8
    assert all(s.pillar_list for s in scenarios.values())
    assert sum(1 for s in scenarios.values() if len(s.pillar_list) > 1) >= 4
    module = ModulePageFactory(parent=build_course(modules=0), pillar=Pillar.EXPERIENCE)
    assert PracticeActivityPageFactory(parent=module).pillar == Pillar.EXPERIENCE
