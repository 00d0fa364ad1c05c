"""A new learner's first visit, clicked through in the browser like a person would.

Sign up (first with a too-short password), verify the email address with the
link from the email, join a course through the trainer's invite link, answer
a knowledge check wrong and then right, log out, log in again and carry on
from the dashboard. Every page on the way is scanned with axe-core (WCAG 2.1
A and AA) and must have no violations; a second test checks the answered
lesson on a phone.

The live server runs in a thread of this process with Django's locmem email
backend (settings.test), so the emails it sends land in `django.core.mail.outbox`.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, nl
from tests.factories import (
    PASSWORD,
    CatalogPageFactory,
    CohortFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    UserFactory,
    knowledge_check_block,
    paragraph_block,
)
from training.accounts.services import user_email_mark_verified
from training.courses.pillars import Pillar

pytestmark = pytest.mark.browser

EMAIL = "noor.jansen@example.org"
NAME = "Noor Jansen"
NEW_PASSWORD = "fietsbel-lantaarn-27"  # 10+ characters and not a common password
QUESTION = "Wat doe je als een deelnemer zijn verhaal vertelt?"
RIGHT = ("Eerst luisteren en samenvatten", True, "Ja: zo voelt iemand zich gehoord.")
WRONG = ("Meteen een oplossing aandragen", False, "Liever niet: eerst luisteren.")


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def pillar_bar(page, pillar):
    """The learner's progress bar for `pillar` in the lesson's progress section."""
    status = page.locator("#lesson-status")
    return status.locator(f'progress[aria-label^="{nl(pillar.label)}:"]')


def bar_value(bar):
    return bar.evaluate("el => el.value")


def assert_no_sideways_scroll(page):
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["inner"], f"{page.url} scrolls sideways: {widths}"


@pytest.fixture
def cohort():
    """A sequential course, one module per pillar; its first lesson has a knowledge check."""
    course = CoursePageFactory(
        parent=CatalogPageFactory(), title="Een lotgenotengroep begeleiden", sequential=True
    )
    titles = {
        Pillar.EXPERIENCE: "Je eigen verhaal",
        Pillar.LISTENING: "Luisteren en samenvatten",
        Pillar.BOUNDARIES: "Grenzen en zelfzorg",
    }
    for pillar, title in titles.items():
        module = ModulePageFactory(parent=course, title=title, pillar=pillar)
        if pillar == Pillar.EXPERIENCE:
            LessonPageFactory(
                parent=module,
                title="Wat je eigen verhaal waard is",
                body=[
                    paragraph_block("<p>Je ervaring helpt, als je eerst luistert.</p>"),
                    knowledge_check_block(question=QUESTION, options=[RIGHT, WRONG]),
                ],
            )
        LessonPageFactory(parent=module, title=f"{title}: oefenen")
    return CohortFactory(course=course, name="Voorjaarsgroep Utrecht")


def test_new_learner_signs_up_joins_passes_a_check_and_carries_on(
    page, live_server, axe, screenshot, cohort
):
    course = cohort.course
    first_module = course.get_children().specific().first()
    first_lesson, second_lesson = first_module.get_children().specific()
    pillar = Pillar(first_module.pillar)

    def scan(name):
        axe(page)
        screenshot(page, name)

    # 1. Sign up; a too-short password is refused in Dutch, the typed email is kept.
    page.goto("/account/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Sign Up"))
    scan("signup")
    page.get_by_label(nl("Your name")).fill(NAME)
    page.get_by_label(nl("Email"), exact=True).fill(EMAIL)
    page.get_by_label(nl("Password"), exact=True).fill("kort")
    page.get_by_label(nl("Password (again)")).fill("kort")
    page.get_by_role("button", name=nl("Sign Up")).click()

    summary = page.get_by_role("alert").filter(has_text=nl("Please check the following"))
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link")).to_have_text(
        re.compile("Dit wachtwoord is te kort. Het moet minstens 10 tekens bevatten.")
    )
    password = page.get_by_label(nl("Password"), exact=True)
    expect(password).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label(nl("Email"), exact=True)).to_have_value(EMAIL)
    expect(page.get_by_label(nl("Your name"))).to_have_value(NAME)
    assert mail.outbox == []
    scan("signup-error")

    password.fill(NEW_PASSWORD)
    page.get_by_label(nl("Password (again)")).fill(NEW_PASSWORD)
    page.get_by_role("button", name=nl("Sign Up")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Verify Your Email Address"))

    # The live server's locmem backend appends to this process's outbox.
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    assert message.subject.startswith("[Lotgenoot Academie] ")
    link = re.search(r"https?://\S+/account/confirm-email/\S+", message.body)
    assert link, message.body
    assert link.group().startswith(live_server.url), link.group()

    page.goto(path_of(link.group()))
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Confirm Email Address"))
    expect(page.get_by_role("main")).to_contain_text(EMAIL)
    scan("email-confirm")
    page.get_by_role("button", name=nl("Confirm")).click()
    expect(page).to_have_url(live_server.url + "/mijn/")
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("My learning"))
    expect(page.get_by_role("main")).to_contain_text(
        nl(
            "You are not taking a course yet. Did your trainer send you an invite link? Open it to join."
        )
    )
    scan("dashboard-empty")

    # 2. The trainer's invite link.
    page.goto(f"/mijn/uitnodiging/{cohort.invite_token}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(course.title)
    expect(page.get_by_role("main")).to_contain_text(cohort.name)
    scan("invite")
    page.get_by_role("button", name="Doe mee met deze cursus").click()
    expect(page).to_have_url(live_server.url + course.url)
    expect(page.get_by_role("status")).to_contain_text(course.title)
    expect(page.get_by_role("heading", name=nl("Your progress"))).to_be_visible()

    # 3. The first lesson: wrong, then right.
    page.get_by_role("link", name=first_module.title, exact=True).click()
    page.get_by_role("link", name=first_lesson.title).click()
    expect(page).to_have_url(live_server.url + first_lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(first_lesson.title)
    bar = pillar_bar(page, pillar)
    expect(bar).to_have_count(1)
    before = bar_value(bar)
    check = page.get_by_role("group", name=QUESTION)
    expect(check.get_by_role("radio")).to_have_count(2)
    expect(page.get_by_text(RIGHT[2])).to_have_count(0)
    expect(page.get_by_text(WRONG[2])).to_have_count(0)
    scan("lesson-before")

    check.get_by_role("radio", name=WRONG[0]).check()
    page.get_by_role("button", name=nl("Check my answer")).click()
    # Back on the lesson, focus is on the check just answered, not at the top of the page.
    expect(page.get_by_role("region", name=QUESTION)).to_be_focused()
    result = page.get_by_role("status").filter(has_text="Nog niet helemaal")
    expect(result).to_be_visible()
    expect(page.get_by_text(WRONG[2])).to_be_visible()
    expect(page.get_by_text(RIGHT[2])).to_have_count(0)
    chosen = page.get_by_role("group", name=QUESTION).get_by_role("radio", name=WRONG[0])
    expect(chosen).to_be_checked()
    expect(chosen).to_have_accessible_description(WRONG[2])
    expect(page.get_by_text(nl("You have completed this lesson."))).to_have_count(0)
    assert bar_value(pillar_bar(page, pillar)) == before
    scan("lesson-wrong")

    page.get_by_role("group", name=QUESTION).get_by_role("radio", name=RIGHT[0]).check()
    page.get_by_role("button", name=nl("Answer again")).click()
    expect(page.get_by_role("region", name=QUESTION)).to_be_focused()
    expect(page.get_by_role("status").filter(has_text="Goed!")).to_be_visible()
    expect(page.get_by_text(RIGHT[2])).to_be_visible()
    expect(page.get_by_text(nl("You have completed this lesson."))).to_be_visible()
    expect(
        page.get_by_text(nl("You answered the knowledge checks: lesson completed."))
    ).to_be_visible()
    after = bar_value(pillar_bar(page, pillar))
    assert after > before, (before, after)
    scan("lesson-right")

    # 4. Log out, log in again, carry on from the dashboard.
    page.get_by_role("button", name=nl("Log out")).click()
    expect(page).to_have_url(live_server.url + "/")
    menu = page.get_by_role("navigation", name=nl("Main menu"))
    expect(menu.get_by_role("button", name=nl("Log out"))).to_have_count(0)
    menu.get_by_role("link", name=nl("Log in")).click()
    expect(page).to_have_url(live_server.url + "/account/login/")
    scan("login")
    page.get_by_label(nl("Email"), exact=True).fill(EMAIL)
    page.get_by_label(nl("Password"), exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name=nl("Sign In")).click()

    expect(page).to_have_url(live_server.url + "/mijn/")
    entry = page.get_by_role("region", name=course.title)
    expect(entry).to_contain_text(cohort.name)
    carry_on = entry.get_by_role("link", name="Verder waar je gebleven was")
    # The last lesson opened is done, so it points at the next one.
    expect(carry_on).to_have_attribute("href", second_lesson.url)
    scan("dashboard")
    carry_on.click()
    expect(page).to_have_url(live_server.url + second_lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(second_lesson.title)

    # A lesson without a check is marked done with a button; focus lands on its status.
    page.get_by_role("button", name=nl("Mark as done")).click()
    expect(page.get_by_role("region", name=nl("Your progress"))).to_be_focused()
    expect(page.get_by_text(nl("You have completed this lesson."))).to_be_visible()
    assert bar_value(pillar_bar(page, pillar)) == 100

    # 5. The profile page.
    menu.get_by_role("link", name=nl("Profile")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Your profile"))
    expect(page.get_by_label(nl("Your name"))).to_have_value(NAME)
    scan("profile")


def test_answered_lesson_fits_a_phone(new_page, live_server, axe, screenshot, cohort):
    learner = UserFactory(email=EMAIL, display_name=NAME)
    user_email_mark_verified(learner)
    EnrolmentFactory(learner=learner, cohort=cohort)
    lesson = cohort.course.get_children().first().get_children().specific().first()
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)

    page.goto(f"/account/login/?next={lesson.url}")
    page.get_by_label(nl("Email"), exact=True).fill(EMAIL)
    page.get_by_label(nl("Password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=nl("Sign In")).click()
    expect(page).to_have_url(live_server.url + lesson.url)

    check = page.get_by_role("group", name=QUESTION)
    check.get_by_role("radio", name=WRONG[0]).tap()
    page.get_by_role("button", name=nl("Check my answer")).tap()
    expect(page.get_by_text(WRONG[2])).to_be_visible()
    assert_no_sideways_scroll(page)
    check.get_by_role("radio", name=RIGHT[0]).tap()
    page.get_by_role("button", name=nl("Answer again")).tap()
    expect(page.get_by_text(RIGHT[2])).to_be_visible()
    expect(page.get_by_text(nl("You have completed this lesson."))).to_be_visible()

    assert_no_sideways_scroll(page)
    axe(page)
    screenshot(page, "lesson-phone")
