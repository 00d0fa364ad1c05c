"""The site header (issue 15): one menu button on a phone, the language choice inside it,
and the page's language in `<html lang>` for hyphenation and screen readers."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_the_page_language_follows_the_active_language(client):
    assert '<html lang="nl">' in client.get("/").content.decode()

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert '<html lang="en">' in client.get("/").content.decode()


def test_the_menu_and_the_language_choice_fold_into_one_disclosure(client):
    html = client.get("/").content.decode()

    menu = re.search(r"<details class=\"site-menu\".*?</details>", html, re.S)
    assert menu, "the header menu is a <details> disclosure"
    summary = re.search(r"<summary[^>]*>(.*?)</summary>", menu.group(0), re.S)
    assert summary and "Menu" in summary.group(1)
    assert 'aria-label="Hoofdmenu"' in menu.group(0)
    assert 'id="language-select"' in menu.group(0)
    assert "js/site-menu.js" in html
