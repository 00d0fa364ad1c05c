"""Solo practice in a lesson, in the browser.

A learner answers a "respond to this" block (summary and open question), sees
the coach's reaction and then the trainer's model answer, and walks a dilemma
down to its deeper level and back to another choice. A visitor sees only the
statement and a way in. A trainer opens the lesson editor and finds both
blocks in the block chooser. Each screen is scanned with axe at 1280 and
390 px, without sideways scrolling (screenshots with BROWSER_SCREENSHOT_DIR).
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in as sign_in
from tests.browser.conftest import nl
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    TrainerFactory,
    UserFactory,
    build_course,
)
from tests.practice.solo_factories import (
    MODEL_QUESTION,
    MODEL_SUMMARY,
    dilemma_block,
    respond_block,
)
from training.accounts.services import user_email_mark_verified
from training.courses.models import LessonPage
from training.practice.models import SoloAnswer

pytestmark = pytest.mark.browser


@pytest.fixture
def lesson():
    course = build_course(modules=0, sequential=False)
    module = ModulePageFactory(parent=course, title="Luisteren")
    return LessonPageFactory(
        parent=module, title="Samenvatten en doorvragen", body=[respond_block(), dilemma_block()]
    )


def test_a_learner_answers_and_walks_a_dilemma(new_page, live_server, lesson, check_screen):
    course = lesson.get_parent().get_parent().specific
    learner = UserFactory(email="anouk@example.org", display_name="Anouk Verbeek")
    user_email_mark_verified(learner)
    enrolment = EnrolmentFactory(learner=learner, cohort=CohortFactory(course=course))

    # A visitor sees the statement and a way in, not the form or the model answer.
    visitor = new_page()
    visitor.goto(lesson.url)
    respond = visitor.get_by_role("region", name=f"{nl('Respond to this')}: Ans, mantelzorger")
    expect(respond).to_contain_text("niemand vraagt hoe het met mij gaat")
    expect(
        respond.get_by_role("link", name=nl("Log in to practise here and see the trainer's answer"))
    ).to_be_visible()
    expect(respond.get_by_role("textbox")).to_have_count(0)
    assert MODEL_SUMMARY not in visitor.content()
    check_screen(visitor, "visitor")

    # The learner, before answering: the form, and no model answer in the page at all.
    page = sign_in(new_page, live_server, learner, lesson.url)
    assert MODEL_SUMMARY not in page.content() and MODEL_QUESTION not in page.content()
    respond = page.get_by_role("region", name=f"{nl('Respond to this')}: Ans, mantelzorger")
    check_screen(page, "before")

    summary = "Je bent moe van het uitleggen, en je mist dat mensen zien hoeveel alles je kost."
    respond.get_by_label(nl("Your summary")).fill(summary)
    respond.get_by_role("button", name=nl("Send my answer")).click()

    # Without a question: a friendly error, and the summary is still there.
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Respond to this"))
    expect(page.get_by_text(nl("Write your open question too."))).to_be_visible()
    expect(page.get_by_label(nl("Your summary"))).to_have_value(summary)
    assert not SoloAnswer.objects.exists()
    check_screen(page, "error")

    page.get_by_label(nl("Your open question")).fill("Heb je het al aan je familie verteld?")
    page.get_by_role("button", name=nl("Send my answer")).click()

    expect(page).to_have_url(f"{live_server.url}{lesson.url}#respond-{lesson.body[0].id}")
    coach = respond.get_by_role("status")
    expect(coach).to_contain_text(nl("This question can be answered with yes or no."))
    expect(coach).to_contain_text(
        nl("Your summary stays with what the other person said: well listened.")
    )
    expect(respond).to_contain_text(MODEL_SUMMARY)
    expect(respond).to_contain_text(MODEL_QUESTION)
    expect(respond.get_by_label(nl("Your summary"))).to_have_value(summary)
    assert SoloAnswer.objects.get(enrolment=enrolment).summary == summary

    # The dilemma: a choice, its deeper level, then another first choice.
    dilemma = page.get_by_role("region", name=f"{nl('Dilemma')}: Een appje om middernacht")
    consequence = dilemma.get_by_text("Ze is opgelucht en belt je voortaan vaker")
    expect(consequence).to_be_hidden()
    dilemma.get_by_text("Ik bel haar meteen terug.").click()
    expect(consequence).to_be_visible()
    expect(dilemma.get_by_text("Wat betekent dat voor je eigen rust?")).to_be_visible()
    expect(dilemma.get_by_text("Een week later belt ze weer")).to_be_visible()
    dilemma.get_by_text("Ik spreek een vaste beltijd af.").click()
    expect(dilemma.get_by_text("Ze vindt het even lastig")).to_be_visible()
    dilemma.get_by_text("Ik antwoord de volgende ochtend.").click()
    expect(dilemma.get_by_text("Ze schrikt even")).to_be_visible()
    check_screen(page, "after")

    # With the keyboard: a choice opens with Enter.
    page.reload()
    summary_el = dilemma.locator("summary").filter(has_text="Ik antwoord de volgende ochtend.")
    summary_el.focus()
    page.keyboard.press("Enter")
    expect(dilemma.get_by_text("Ze schrikt even")).to_be_visible()


def test_a_trainer_finds_both_blocks_in_the_lesson_editor(
    new_page, live_server, lesson, screenshot
):
    trainer = TrainerFactory(display_name="Tessa Trainer")
    user_email_mark_verified(trainer)
    editor = f"/beheer/pages/{lesson.pk}/edit/"
    page = sign_in(new_page, live_server, trainer, editor)
    expect(page.get_by_text(nl("Respond to this"), exact=True).first).to_be_visible()
    expect(page.get_by_text(nl("Dilemma"), exact=True).first).to_be_visible()
    page.locator(".c-sf-add-button").last.click()
    chooser = page.get_by_role("listbox")
    expect(chooser.get_by_role("option", name=nl("Respond to this"))).to_be_visible()
    expect(chooser.get_by_role("option", name=nl("Dilemma"))).to_be_visible()
    screenshot(page, "editor-chooser")
    page.keyboard.press("Escape")

    # A model question without a question mark: the editor says so, in Dutch, at the field.
    page.get_by_label(nl("Model answer: open question")).fill("Vertel eens meer")
    page.get_by_role("button", name=nl("Save draft")).click()
    expect(page.get_by_text(nl("End the open question with a question mark."))).to_be_visible()
    screenshot(page, "editor-error")

    # The previews the chooser offers show the blocks as learners will see them.
    stream = LessonPage._meta.get_field("body").stream_block
    for name, text in (("respond", "Wat zou je willen dat mensen je vragen?"), ("dilemma", "")):
        page.goto(f"/beheer/block-preview/?id={stream.child_blocks[name].definition_prefix}")
        if name == "dilemma":
            page.get_by_text("Ik bel haar meteen.").click()
            text = "Een week later appt ze weer"
        expect(page.get_by_text(text)).to_be_visible()
        screenshot(page, f"preview-{name}")
