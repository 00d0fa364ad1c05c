"""Nobody waits unseen, and dilemmas remembered, in the browser.

A learner who signed up to practise sees on their dashboard what happens next:
before the grouping moment (by when the trainer forms the groups) and after
it (no group yet, not their fault, what the trainer will do). A learner walks
a dilemma: the choices they open are kept and shown back under "Jouw keuzes"
(by the small static script, and without it by the plain buttons), and they
save a short reflection; a reflection that is too long is refused in Dutch
with the text kept. Each screen is scanned with axe at 1280 and 390 px without
sideways scrolling (screenshots with BROWSER_SCREENSHOT_DIR).
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import log_in as sign_in
from tests.browser.conftest import nl
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    UserFactory,
    build_course,
)
from tests.practice.factories import PracticeActivityPageFactory
from tests.practice.solo_factories import dilemma_block
from training.accounts.services import user_email_mark_verified
from training.practice.models import DilemmaPath, PracticeOptIn

pytestmark = pytest.mark.browser


def _learner(course, email, name):
    learner = UserFactory(email=email, display_name=name)
    user_email_mark_verified(learner)
    return EnrolmentFactory(learner=learner, cohort=CohortFactory(course=course))


def test_the_dashboard_says_what_happens_next_for_a_waiting_learner(
    new_page, live_server, check_screen
):
    course = build_course(modules=0, sequential=False)
    module = ModulePageFactory(parent=course, title="Luisteren")
    early = PracticeActivityPageFactory(parent=module, title="Luisteren in drietallen")
    late = PracticeActivityPageFactory(parent=module, title="Samenvatten in drietallen")
    enrolment = _learner(course, "ruben@example.org", "Ruben Aydin")
    PracticeOptIn.objects.create(
        activity=early, enrolment=enrolment, cohort=enrolment.cohort, slots=["0-evening"]
    )
    # Opted in well before the grouping moment of seven days: now past it, no group.
    PracticeOptIn.objects.create(
        activity=late,
        enrolment=enrolment,
        cohort=enrolment.cohort,
        slots=["0-evening"],
        created_at=timezone.now() - datetime.timedelta(days=8),
    )

    page = sign_in(new_page, live_server, enrolment.learner, "/mijn/")
    line = page.get_by_role("group", name=nl("Practising in a group"))
    expect(line).to_be_visible()
    expect(line).to_contain_text("Je trainer maakt de oefengroepen uiterlijk")
    expect(line).to_contain_text("Luisteren in drietallen")
    expect(line).to_contain_text(
        "Er is nog geen oefengroep voor je voor „Samenvatten in drietallen”"
    )
    expect(line).to_contain_text("Je hoeft nu niets te doen.")
    check_screen(page, "dashboard-waiting")


@pytest.fixture
def dilemma_lesson():
    course = build_course(modules=0, sequential=False)
    module = ModulePageFactory(parent=course, title="Grenzen")
    block = dilemma_block()
    lesson = LessonPageFactory(parent=module, title="Je eigen grenzen", body=[block])
    return lesson, block["id"]


def test_a_learner_sees_their_dilemma_path_and_saves_a_reflection(
    new_page, live_server, dilemma_lesson, check_screen
):
    lesson, block_id = dilemma_lesson
    course = lesson.get_parent().get_parent().specific
    enrolment = _learner(course, "sanne@example.org", "Sanne de Wit")
    page = sign_in(new_page, live_server, enrolment.learner, lesson.url)
    dilemma = page.get_by_role("region", name=f"{nl('Dilemma')}: Een appje om middernacht")
    path = dilemma.get_by_role("list", name=nl("Your choices"))
    expect(dilemma.get_by_text(nl("Your choices"), exact=True)).to_be_visible()
    expect(path).to_be_hidden()

    # Opening choices records them (the script), in order, shown at once.
    dilemma.get_by_text("Ik antwoord de volgende ochtend.").click()
    expect(path.get_by_role("listitem")).to_have_count(1)
    dilemma.get_by_text("Ik bel haar meteen terug.").click()
    dilemma.get_by_text("Ik neem weer op.").click()
    expect(path.get_by_role("listitem")).to_have_text(
        [
            "Ik antwoord de volgende ochtend.",
            "Ik bel haar meteen terug.",
            f"Ik neem weer op. ({nl('one step further')})",
        ]
    )
    assert DilemmaPath.objects.get(enrolment=enrolment).choices == ["2", "1", "1.2"]

    # Too long: refused in Dutch, the text kept, the saved path untouched.
    field = dilemma.get_by_label(nl("What do you take with you from this dilemma?"))
    too_long = "Ik merk dat ik snel ja zeg. " * 40
    field.fill(too_long)
    dilemma.get_by_role("button", name=nl("Save my reflection")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een appje om middernacht")
    expect(page.get_by_text("er passen er hoogstens 1000")).to_be_visible()
    kept = page.get_by_label(nl("What do you take with you from this dilemma?"))
    expect(kept).to_have_value(too_long)
    check_screen(page, "dilemma-too-long")

    reflection = "Ik wil 's nachts niet bereikbaar zijn, en dat vriendelijk zeggen."
    kept.fill(reflection)
    page.get_by_role("button", name=nl("Save my reflection")).click()
    expect(page).to_have_url(f"{live_server.url}{lesson.url}#dilemma-{block_id}")
    dilemma = page.get_by_role("region", name=f"{nl('Dilemma')}: Een appje om middernacht")
    expect(
        dilemma.get_by_role("list", name=nl("Your choices")).get_by_role("listitem")
    ).to_have_count(3)
    expect(dilemma.get_by_label(nl("What do you take with you from this dilemma?"))).to_have_value(
        reflection
    )
    expect(
        dilemma.get_by_text(nl("Saved. Only you can see your choices and reflection."))
    ).to_be_visible()
    assert DilemmaPath.objects.get(enrolment=enrolment).reflection == reflection
    check_screen(page, "dilemma-path")


def test_without_javascript_the_buttons_keep_the_path(
    new_page, live_server, dilemma_lesson, screenshot
):
    """(axe needs JavaScript: this screen is the one above, checked there.)"""
    lesson, block_id = dilemma_lesson
    course = lesson.get_parent().get_parent().specific
    enrolment = _learner(course, "joost@example.org", "Joost Bakker")
    page = sign_in(new_page, live_server, enrolment.learner, lesson.url, java_script_enabled=False)
    dilemma = page.get_by_role("region", name=f"{nl('Dilemma')}: Een appje om middernacht")
    dilemma.get_by_text("Ik bel haar meteen terug.").click()  # <details> opens without JS
    first = dilemma.locator("details[data-choice-key='1']")
    first.get_by_role("button", name=nl("This is what I would do")).first.click()
    expect(page).to_have_url(f"{live_server.url}{lesson.url}#dilemma-{block_id}")
    assert DilemmaPath.objects.get(enrolment=enrolment).choices == ["1"]
    dilemma = page.get_by_role("region", name=f"{nl('Dilemma')}: Een appje om middernacht")
    expect(dilemma.get_by_role("list", name=nl("Your choices"))).to_have_text(
        "Ik bel haar meteen terug."
    )
    screenshot(page, "dilemma-no-js")


def test_a_trainer_takes_part_when_only_two_wait(new_page, live_server, check_screen):
    from django.urls import reverse

    from tests.factories import TrainerFactory

    trainer = TrainerFactory(display_name="Tessa Trainer")
    user_email_mark_verified(trainer)
    course = build_course(modules=1, lessons_per_module=1)
    module = ModulePageFactory(parent=course, title="Luisteren")
    activity = PracticeActivityPageFactory(parent=module, title="Oefenen in drietallen")
    cohort = CohortFactory(course=course, name="Voorjaarsgroep Zwolle", trainers=[trainer])
    enrolments = []
    for index, name in enumerate(["Anouk Verbeek", "Bram de Wit"]):
        user = UserFactory(email=f"wacht{index}@example.org", display_name=name)
        user_email_mark_verified(user)
        enrolment = EnrolmentFactory(learner=user, cohort=cohort)
        PracticeOptIn.objects.create(
            activity=activity, enrolment=enrolment, cohort=cohort, slots=["2-evening"]
        )
        enrolments.append(enrolment)

    admin = sign_in(
        new_page, live_server, trainer, reverse("practice_admin:cohort", args=[cohort.pk])
    )
    expect(admin.locator("#main")).to_contain_text(
        "Niemand in een andere groep van deze cursus wacht nu op deze oefening"
    )
    check_screen(admin, "admin-two-waiting")
    admin.get_by_role(
        "button", name=nl("Form a group of these two with you as the observer")
    ).click()
    expect(admin.locator(".messages")).to_contain_text("Groep 1")
    expect(admin.locator("#main")).to_contain_text("Tessa Trainer (trainer)")
    check_screen(admin, "admin-with-trainer")

    # The learner's dashboard points to the group; the group page names the trainer.
    page = sign_in(new_page, live_server, enrolments[0].learner, "/mijn/")
    line = page.get_by_role("group", name=nl("Practising in a group"))
    expect(line).to_contain_text(nl("Your trainer takes part in your group."))
    line.get_by_role("link", name=nl("Go to your practice group and read the agreement")).click()
    expect(page.locator(".people-list")).to_contain_text("Tessa Trainer (trainer)")
    check_screen(page, "group-with-trainer")
