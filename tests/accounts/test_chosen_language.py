"""The interface language is chosen (language switch, cookie), never taken from the browser (issue 27)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def skip_link(response):
    html = response.content.decode()
    return "Naar de inhoud" if "Naar de inhoud" in html else "Skip to content"


def test_a_browser_set_to_english_gets_the_dutch_site(client):
    response = client.get(reverse("search"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert skip_link(response) == "Naar de inhoud"
    assert response["Content-Language"] == "nl"
    assert '<html lang="nl">' in response.content.decode()


def test_the_language_switch_chooses_english_and_it_is_remembered(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/zoeken/"})
    assert response.cookies["django_language"].value == "en"
    for _ in range(2):
        page = client.get(reverse("search"), HTTP_ACCEPT_LANGUAGE="nl")
        assert skip_link(page) == "Skip to content"
        assert page["Content-Language"] == "en"
        assert "Cookie" in page["Vary"]


def test_an_unknown_language_in_the_cookie_falls_back_to_dutch(client):
    client.cookies["django_language"] = "fr"
    assert skip_link(client.get(reverse("search"))) == "Naar de inhoud"
