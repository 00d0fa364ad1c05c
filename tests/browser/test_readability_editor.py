"""While writing, a trainer sees whether a text is B1 Dutch (issue 27).

In Wagtail's page editor every rich-text and text block of a lesson shows "Taalniveau: B1"
or "Taalniveau: boven B1", with the reasons under "Waarom?"; it follows her typing, and
it never stops her from publishing. A module page (no lesson text) shows nothing. The
editor passes axe with Wagtail's rich-text editor included (its Draftail fields get an
accessible name from courses/draftail-a11y.js), at 1280 and 390 px.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.courses.test_readability import OFFICIAL, PLAIN
from tests.factories import (
    LessonPageFactory,
    ModulePageFactory,
    TrainerFactory,
    build_course,
    paragraph_block,
)
from training.accounts.services import user_email_mark_verified
from training.courses.models import LessonPage

pytestmark = pytest.mark.browser

LONG = (
    " Als je in de groep goed luistert naar wat de ander zegt, dan voelt die ander zich "
    "echt gehoord en gezien."
)


@pytest.fixture
def lesson():
    module = ModulePageFactory(parent=build_course(modules=0), title="Luisteren")
    return LessonPageFactory(
        parent=module,
        title="Eerst luisteren",
        body=[
            paragraph_block(f"<p>{PLAIN}</p>"),
            paragraph_block(f"<p>{OFFICIAL}</p>"),
            {"type": "quote", "value": {"text": "Ik voelde me gehoord.", "attribution": ""}},
        ],
    )


def test_the_editor_shows_the_language_level_of_each_text_and_publishing_still_works(
    new_page, live_server, check_screen, lesson
):
    trainer = TrainerFactory(display_name="Tessa Trainer")
    user_email_mark_verified(trainer)
    editor = log_in(
        new_page, live_server, trainer, reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    )
    indicators = editor.locator("[data-readability]")
    # The first check loads the Dutch word list: a loaded machine may take its time.
    expect(indicators).to_have_count(3, timeout=20_000)
    plain, official, quote = indicators.all()
    expect(plain.locator(".readability__headline")).to_have_text("Taalniveau: B1")
    expect(official.locator(".readability__headline")).to_have_text("Taalniveau: boven B1")
    expect(quote.locator(".readability__headline")).to_have_text("Taalniveau: B1")
    # The reasons, by keyboard: the "Waarom?" summary opens with Enter.
    official.get_by_text("Waarom?").focus()
    editor.keyboard.press("Enter")
    expect(official.locator("li").first).to_have_text(
        "Zinnen hebben gemiddeld 27,0 woorden; voor B1: 12 of minder."
    )
    expect(official).to_contain_text("Dit is alleen advies: publiceren kan altijd.")
    # Each rich-text editor has a name for a screen reader (Wagtail's own has none).
    first_editor = editor.locator(".public-DraftEditor-content").first
    expect(first_editor).to_have_accessible_name("Tekst")
    official.scroll_into_view_if_needed()
    check_screen(editor, "editor-readability")

    # Two long sentences more in the plain text: the verdict follows the typing.
    first_editor.click()
    editor.keyboard.press("Control+End")
    editor.keyboard.type(LONG + LONG)
    expect(plain.locator(".readability__headline")).to_have_text(
        "Taalniveau: boven B1", timeout=15_000
    )

    # Advice only: the lesson is published as it is.
    publish = editor.locator('button[name="action-publish"]')
    if not publish.is_visible():
        editor.locator("footer [data-w-dropdown-target='toggle']").first.click()
    publish.click()
    expect(editor.locator(".messages")).to_contain_text("Eerst luisteren")
    published = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    assert "echt gehoord en gezien" in str(published.body.raw_data)
    assert LessonPage.objects.get(pk=lesson.pk).live
    check_screen(editor, "editor-readability-published")

    # A module has no lesson text: no indicator.
    editor.goto(reverse("wagtailadmin_pages:edit", args=[lesson.get_parent().pk]))
    expect(editor.locator('[contenteditable="true"]').first).to_be_visible()
    editor.wait_for_timeout(1500)
    expect(editor.locator("[data-readability]")).to_have_count(0)
    assert nl("Language level: B1") == "Taalniveau: B1"
