"""The page editor says whether every learner can meet the practice rule (issue 20).

A course asks two observed rounds as listener and offers one live and one written
practice activity: nobody can reach two rounds in one mode alone, so a learner who
cannot meet can never finish. The trainer opens the live activity in Wagtail's page
editor and reads that in the panel "Kan elke cursist aan de oefenregel voldoen?";
she adds a second written activity and, on publishing, is told only live practice
falls short now. An administrator who asks more rounds than the course can give is
refused in Dutch. Screens scanned with axe-core at 1280 and 390 px, Wagtail's rich-text
editor included (courses/draftail-a11y.js gives it an accessible name).
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.factories import ModulePageFactory, TrainerFactory, UserFactory, build_course
from tests.practice.factories import PracticeActivityPageFactory
from training.accounts.services import user_email_mark_verified
from training.courses.pillars import Pillar
from training.practice.models import PracticeActivityPage, PracticeRequirement

pytestmark = pytest.mark.browser

HEADING = "Kan elke cursist aan de oefenregel voldoen?"
WRITTEN_SHORT = "Een cursist die alleen schriftelijk kan oefenen, krijgt 1 van de 2 rondes"
LIVE_SHORT = "Een cursist die alleen live oefent, krijgt 1 van de 2 rondes"
REFUSED = "Geen enkele cursist kan aan deze regel voldoen"


@pytest.fixture
def course_with_a_rule():
    course = build_course(modules=0)
    listening = ModulePageFactory(parent=course, title="Luisteren", pillar=Pillar.LISTENING)
    boundaries = ModulePageFactory(parent=course, title="Grenzen", pillar=Pillar.BOUNDARIES)
    live = PracticeActivityPageFactory(parent=listening, title="Oefenen in drietallen")
    PracticeActivityPageFactory(parent=boundaries, title="Schriftelijk oefenen", mode="written")
    # As the demo had it: saved before the editor could say it falls short.
    PracticeRequirement.objects.create(course=course, listener_rounds=2)
    return {"course": course, "listening": listening, "live": live}


def test_the_page_editor_warns_when_a_learner_cannot_meet_the_practice_rule(
    new_page, live_server, check_screen, course_with_a_rule
):
    trainer = TrainerFactory(display_name="Tessa Trainer")
    user_email_mark_verified(trainer)
    live = course_with_a_rule["live"]
    editor = log_in(
        new_page, live_server, trainer, reverse("wagtailadmin_pages:edit", args=[live.pk])
    )
    panel = editor.locator("[data-practice-feasibility]")
    expect(editor.get_by_text(HEADING).first).to_be_visible()
    expect(panel).to_contain_text(WRITTEN_SHORT)
    expect(panel).to_contain_text(LIVE_SHORT)
    expect(panel).to_contain_text("Live: 1 oefening: 1 van de 2 rondes als luisteraar")
    panel.scroll_into_view_if_needed()
    check_screen(editor, "editor-rule-warning")

    # A second written activity, published from the editor.
    listening = course_with_a_rule["listening"]
    editor.goto(
        reverse("wagtailadmin_pages:add", args=["practice", "practiceactivitypage", listening.pk])
    )
    # The rich-text editor starts after the page loads: type once it is there, and check.
    instructions = editor.locator('[data-contentpath="instructions"] [contenteditable="true"]')
    expect(instructions).to_be_visible()
    instructions.click()
    instructions.type("Oefen schriftelijk: samenvatten en doorvragen.")
    expect(instructions).to_contain_text("Oefen schriftelijk: samenvatten en doorvragen.")
    editor.locator("#id_title").fill("Schriftelijk oefenen: samenvatten")
    editor.locator("#id_title").press("Tab")  # the slug follows the title on change
    expect(editor.locator("#id_slug")).to_have_value("schriftelijk-oefenen-samenvatten")
    editor.locator("#id_mode").select_option("written")
    editor.locator("#id_criteria-0-label").fill("Samenvattingen")
    editor.locator("#id_criteria-0-kind").select_option("count")
    editor.locator("#id_criteria-0-measure").select_option("summaries")
    publish = editor.locator('button[name="action-publish"]')
    if not publish.is_visible():
        editor.locator("footer [data-w-dropdown-target='toggle']").first.click()
    publish.click()
    messages = editor.locator(".messages")
    expect(messages).to_contain_text("Schriftelijk oefenen: samenvatten")
    expect(messages).to_contain_text(LIVE_SHORT)
    expect(messages).not_to_contain_text(WRITTEN_SHORT)
    assert PracticeActivityPage.objects.live().filter(mode="written").count() == 2
    check_screen(editor, "editor-published-with-warning")


def test_a_rule_no_learner_can_meet_is_refused(
    new_page, live_server, check_screen, course_with_a_rule
):
    admin = UserFactory(
        email="beheer@example.org", display_name="Beheer", is_superuser=True, is_staff=True
    )
    user_email_mark_verified(admin)
    rule = PracticeRequirement.objects.get()
    page = log_in(
        new_page, live_server, admin, reverse("practice_requirements:edit", args=[rule.pk])
    )
    expect(page.locator("[data-practice-feasibility]")).to_contain_text(WRITTEN_SHORT)
    page.locator("#id_listener_rounds").fill("3")
    page.get_by_role("button", name=nl("Save")).click()
    expect(page.locator("#main")).to_contain_text(REFUSED)
    check_screen(page, "rule-refused")
    rule.refresh_from_db()
    assert rule.listener_rounds == 2
