"""The page editor's readability endpoint: Dutch measurements for the editor's texts."""

import json

import pytest
from django.urls import reverse

from tests.courses.test_readability import OFFICIAL, PLAIN
from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    TrainerFactory,
    login_with_mfa,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(catalog):
    module = ModulePageFactory(parent=CoursePageFactory(parent=catalog))
    return LessonPageFactory(parent=module)


@pytest.fixture
def trainer_client(client, catalog):
    login_with_mfa(client, TrainerFactory())
    return client


def _check(client, payload, *, raw=None):
    return client.post(
        reverse("courses_readability"),
        data=raw if raw is not None else json.dumps(payload),
        content_type="application/json",
    )


def test_each_text_of_a_lesson_editor_gets_a_dutch_verdict(trainer_client, lesson):
    path = reverse("wagtailadmin_pages:edit", args=[lesson.pk])

    response = _check(trainer_client, {"path": path, "texts": [PLAIN, OFFICIAL]})

    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    answer = response.json()
    assert answer["applies"] is True and answer["why"] == "Waarom?"
    plain, official = answer["results"]
    assert plain["is_b1"] is True and plain["headline"] == "Taalniveau: B1"
    assert plain["reasons"] == []
    assert plain["summary"][0] == "4 zinnen, 21 woorden, gemiddeld 5,2 woorden per zin"
    assert official["headline"] == "Taalniveau: boven B1"
    assert official["reasons"][0] == "Zinnen hebben gemiddeld 27,0 woorden; voor B1: 12 of minder."


def test_a_new_assignment_is_measured_and_a_module_is_not(trainer_client, lesson):
    module = lesson.get_parent()
    add_assignment = reverse(
        "wagtailadmin_pages:add", args=["assessments", "reflectionassignmentpage", module.pk]
    )
    edit_module = reverse("wagtailadmin_pages:edit", args=[module.pk])

    assert _check(trainer_client, {"path": add_assignment, "texts": [PLAIN]}).json()["applies"]
    assert _check(trainer_client, {"path": edit_module, "texts": [PLAIN]}).json() == {
        "applies": False
    }


def test_a_page_the_user_may_not_edit_is_not_found(client, lesson):
    """Someone who may open the admin but not edit this lesson learns nothing about it."""
    from django.contrib.auth.models import Group, Permission

    from tests.factories import UserFactory

    admin_only = Group.objects.create(name="Alleen het beheer")
    admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
    outsider = UserFactory()
    outsider.groups.add(admin_only)
    login_with_mfa(client, outsider)
    path = reverse("wagtailadmin_pages:edit", args=[lesson.pk])

    response = _check(client, {"path": path, "texts": [PLAIN]})

    assert response.status_code == 404
    assert response.json() == {"error": "Pagina niet gevonden."}


@pytest.mark.parametrize(
    "raw",
    ["{niet json", json.dumps([1, 2]), json.dumps({"path": "/x/", "texts": "tekst"}),
     json.dumps({"path": "/x/", "texts": [1]}), json.dumps({"texts": ["a"] * 201, "path": "/"})],
)  # fmt: skip
def test_bad_input_gets_a_dutch_json_error_never_a_500(trainer_client, raw):
    response = _check(trainer_client, None, raw=raw)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] in {
        "Het verzoek is geen geldige JSON.",
        "Stuur een pad en een lijst van hoogstens 200 teksten.",
    }


def test_a_get_is_answered_in_json_too(trainer_client):
    response = trainer_client.get(reverse("courses_readability"))

    assert response.status_code == 405 and response["Allow"] == "POST"
    assert response.json() == {"error": "Stuur de teksten met POST."}
