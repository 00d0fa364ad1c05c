"""<meta name="description">: the page's own, else its introduction, else one per view (issue 27)."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from home.templatetags.site_tags import meta_description
from tests.factories import CoursePageFactory, LessonPageFactory

pytestmark = pytest.mark.django_db


def description(**context):
    return meta_description(context)


def test_a_rich_text_introduction_becomes_plain_text_of_at_most_160_characters():
    long_intro = "<p>Je leert <b>luisteren</b> &amp; samenvatten. " + "Nog een zin. " * 30 + "</p>"
    course = CoursePageFactory(intro=long_intro)
    text = description(page=course)
    assert text.startswith("Je leert luisteren & samenvatten. Nog een zin.")
    assert "<" not in text and len(text) <= 160 and text.endswith("…")


def test_the_search_description_wins_over_the_summary():
    lesson = LessonPageFactory(summary="De samenvatting.", search_description="Voor zoekmachines.")
    assert description(page=lesson) == "Voor zoekmachines."


def test_outside_the_cms_a_view_has_its_own_sentence_in_the_interface_language():
    request = RequestFactory().get("/zoeken/")
    from django.urls import resolve

    request.resolver_match = resolve("/zoeken/")
    with translation.override("nl"):
        assert (
            description(request=request) == "Zoek in de cursussen en lessen van Lotgenoot Academie."
        )
    with translation.override("en"):
        assert (
            description(request=request) == "Search the courses and lessons of Lotgenoot Academie."
        )


@pytest.mark.parametrize("template", ["500.html", "database_busy.html"])
def test_the_pages_outside_base_html_have_one_too(template):
    with translation.override("nl"):
        html = render_to_string(template, {"request": RequestFactory().get("/")})
    assert (
        '<meta name="description" content="Lotgenoot Academie: opleiding voor '
        'gespreksbegeleiders van lotgenotengroepen.">'
    ) in html
