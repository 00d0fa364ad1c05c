import pytest
from django.urls import reverse

from tests.factories import LessonPageFactory, ModulePageFactory, build_course, paragraph_block

pytestmark = pytest.mark.django_db


def test_search_finds_published_lessons_by_their_text(client, catalog):
    course = build_course(catalog=catalog, modules=0)
    module = ModulePageFactory(parent=course)
    LessonPageFactory(
        parent=module,
        title="Stiltes verdragen",
        body=[paragraph_block("<p>Een stilte is waardevol.</p>")],
    )

    response = client.get(reverse("search"), {"q": "stilte"})

    titles = [result.title for result in response.context["results"]]
    assert "Stiltes verdragen" in titles
    assert "1 resultaat" in response.content.decode()


def test_search_leaves_out_drafts(client, catalog):
    course = build_course(catalog=catalog, modules=0)
    module = ModulePageFactory(parent=course)
    draft = LessonPageFactory(parent=module, title="Geheime kladversie over stiltes")
    draft.unpublish()

    response = client.get(reverse("search"), {"q": "kladversie"})

    assert list(response.context["results"]) == []
    assert "Niets gevonden" in response.content.decode()


def test_empty_search_shows_the_form_only(client):
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert response.context["query"] == ""
