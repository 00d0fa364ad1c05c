"""Trainers author practice activities in the page editor, scenarios as snippets."""

import pytest
from django.urls import reverse

from tests.factories import (
    ModulePageFactory,
    TrainerFactory,
    UserFactory,
    build_course,
    login_with_mfa,
)
from training.courses.models import ModulePage
from training.practice.models import PracticeActivityPage

pytestmark = pytest.mark.django_db


def test_a_practice_activity_lives_under_a_module_only():
    assert PracticeActivityPage in ModulePage.allowed_subpage_models()
    assert PracticeActivityPage.allowed_parent_page_models() == [ModulePage]


def test_the_page_editor_has_the_inline_observation_form(client):
    module = ModulePageFactory(parent=build_course(modules=0))
    login_with_mfa(client, TrainerFactory())
    url = reverse("wagtailadmin_pages:add", args=["practice", "practiceactivitypage", module.pk])
    page = client.get(url).content.decode()
    assert "Observatieformulier" in page and "criteria-TOTAL_FORMS" in page
    assert "Scenario's" in page or "scenario" in page


def test_the_scenario_library_is_a_snippet(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    login_with_mfa(client, admin)
    response = client.get(reverse("wagtailsnippets_practice_scenario:list"))
    assert response.status_code == 200


def test_the_module_page_lists_its_practice_activities(client, activity):
    from training.practice.models import PracticeActivityPage

    module = activity.get_parent().specific
    assert PracticeActivityPage.objects.child_of(module).live().exists()
    body = client.get(module.url).content.decode()
    assert f'href="{activity.url}"' in body and "Samen oefenen" in body
