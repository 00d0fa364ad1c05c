"""A visitor's and a new learner's first screens, on a 390 px phone and at 1280 px (issue 15).

- the header folds behind a "Menu" button on a phone (no JavaScript needed, the
  language choice inside), and stays as it was at 1280 px;
- the course page shows the way on that applies: join, an invitation, or carry on;
- a visitor checks a knowledge-check answer and reads the feedback; nothing is stored;
- the sign-in page tabs from the password field to "Wachtwoord vergeten?";
- the dashboard shows the certificate rules as a checklist with links;
- rating feedback ends on the reflection's own address, with the thank-you.

Every page on the way is scanned with axe.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.browser.journey_site import RIGHT, WRONG, journey_site
from tests.factories import CohortFactory, CoursePageFactory
from training.assessments.models import KnowledgeCheckAttempt

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SIZES = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture
def site():
    return journey_site()


def header_height(page):
    return page.locator(".site-header").evaluate("el => el.getBoundingClientRect().height")


def menu_link(page, name):
    return page.get_by_role("navigation", name=nl("Main menu")).get_by_role(
        "link", name=name, exact=True
    )


def check_header(page, size, links, screenshot):
    """Compact behind a menu button on a phone; every link in view on a desktop."""
    toggle = page.locator("summary", has_text=nl("Menu"))
    if size == "phone":
        assert header_height(page) <= 80
        expect(toggle).to_be_visible()
        for name in links:
            expect(menu_link(page, name)).to_be_hidden()
        expect(page.get_by_label(nl("Language"))).to_be_hidden()
        # Keyboard: skip link, brand, then the menu button; Enter opens it.
        page.locator("body").focus()
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        expect(toggle).to_be_focused()
        page.keyboard.press("Enter")
        for name in links:
            expect(menu_link(page, name)).to_be_visible()
        expect(page.get_by_label(nl("Language"))).to_be_visible()
        assert header_height(page) <= 80, "the open menu lies over the page"
        screenshot(page, "menu-open")
        page.keyboard.press("Tab")
        expect(menu_link(page, links[0])).to_be_focused()
        page.keyboard.press("Escape")
        expect(toggle).to_be_focused()
        expect(menu_link(page, links[0])).to_be_hidden()
    else:
        expect(toggle).to_be_hidden()
        for name in links:
            expect(menu_link(page, name)).to_be_visible()
        expect(page.get_by_label(nl("Language"))).to_be_visible()
        assert header_height(page) <= 110  # as before: one row of links, the language below


@pytest.mark.parametrize("size", SIZES)
def test_a_visitor_finds_the_way_in_and_tries_a_check(
    new_page, axe, screenshot, site, size, live_server
):
    page = new_page(viewport=SIZES[size], is_mobile=size == "phone")

    # An invite-only course: what to do to get in.
    page.goto(site.course.url)
    check_header(page, size, [nl("Search"), nl("Log in"), nl("Create an account")], screenshot)
    step = page.locator(".next-step")
    expect(step.get_by_role("heading", name=nl("You need an invitation"))).to_be_visible()
    expect(step).to_contain_text("Nog geen uitnodiging? Vraag de trainer van je groep")
    expect(
        step.get_by_role("link", name=nl("Already taking this course? Log in"))
    ).to_have_attribute("href", f"{reverse('account_login')}?next={site.course.url}")
    axe(page)
    screenshot(page, "course-invitation")

    # An open course ("Meedoen"): joining starts with a new account that comes back here.
    open_course = CoursePageFactory(parent=site.course.get_parent(), title="Open cursus luisteren")
    CohortFactory(course=open_course, self_enrolment=True, is_open=True)
    page.goto(open_course.url)
    expect(page.locator(".next-step").get_by_role("heading", name=nl("Join"))).to_be_visible()
    join = page.locator(".next-step").get_by_role("link", name=nl("Join this course"), exact=True)
    expect(join).to_have_attribute("href", f"{reverse('account_signup')}?next={open_course.url}")
    axe(page)
    screenshot(page, "course-open")

    # The knowledge check: checked and explained, nothing stored.
    page.goto(site.lesson.url)
    check = page.locator(".knowledge-check")
    check.get_by_label(WRONG[0]).check()
    check.get_by_role("button", name=nl("Check my answer")).click()
    check = page.locator(".knowledge-check")
    expect(check.get_by_role("status")).to_contain_text(
        nl("Not quite. Read the feedback and try again.")
    )
    expect(check).to_contain_text(WRONG[2])
    expect(check.get_by_label(WRONG[0])).to_be_checked()
    expect(check).to_contain_text(nl("Your answer is not saved."))
    expect(
        check.get_by_role("link", name=nl("Join the course to keep your progress."))
    ).to_be_visible()
    axe(page)
    screenshot(page, "check-wrong")
    check.get_by_label(RIGHT[0]).check()
    check.get_by_role("button", name=nl("Answer again")).click()
    check = page.locator(".knowledge-check")
    expect(check.get_by_role("status")).to_contain_text(nl("Correct!"))
    expect(check).to_contain_text(RIGHT[2])
    expect(check).not_to_contain_text(WRONG[2])
    assert not KnowledgeCheckAttempt.objects.exists()
    screenshot(page, "check-right")

    # Sign in: the "forgot" link comes after the password field, in view and in tab order.
    page.goto(reverse("account_login"))
    page.get_by_label(nl("Email"), exact=True).focus()
    page.keyboard.press("Tab")
    expect(page.get_by_label(nl("Password"), exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name=nl("Forgot your password?"))).to_be_focused()
    axe(page)
    screenshot(page, "login")


@pytest.mark.parametrize("size", SIZES)
def test_a_learner_carries_on_sees_the_checklist_and_rates_feedback(
    new_page, live_server, axe, screenshot, site, size
):
    dashboard = reverse("learning:dashboard")
    page = log_in(
        new_page,
        live_server,
        site.learner,
        dashboard,
        viewport=SIZES[size],
        is_mobile=size == "phone",
    )
    links = [nl("Search"), nl("My learning"), nl("My certificates"), nl("Profile")]
    check_header(page, size, links, screenshot)

    # The checklist: each rule done or still to do, open ones with where to do them.
    card = page.locator(".dashboard-course", has_text=site.course.title)
    checklist = card.get_by_role("list").filter(has_text=nl("All lessons completed"))
    open_items = checklist.locator(".rules-list__item--open")
    expect(open_items).to_have_count(4)
    lessons = open_items.filter(has_text=nl("All lessons completed"))
    expect(lessons).to_contain_text(nl("not yet"))
    expect(lessons.get_by_role("link", name=nl("Go to the lessons"))).to_have_attribute(
        "href", site.course.url
    )
    expect(
        open_items.filter(has_text=nl("Required reflections approved by a trainer")).get_by_role(
            "link", name=nl("Go to my reflections")
        )
    ).to_have_attribute("href", reverse("reflections:index"))
    axe(page)
    screenshot(page, "dashboard")

    # The course page: carry on.
    page.goto(site.course.url)
    step = page.locator(".next-step")
    expect(step.get_by_role("link", name=nl("Start the course"))).to_have_attribute(
        "href", site.lesson.url
    )
    axe(page)
    screenshot(page, "course-enrolled")

    # Rating the feedback received: the browser ends on the reflection, not on …/waarderen/.
    detail = reverse("reflections:detail", args=[site.submission.public_id])
    page.goto(detail)
    form = page.locator(".rating-form")
    form.get_by_label(nl("Very helpful")).check()
    form.get_by_label(nl("Completely")).check()
    form.get_by_role("button", name=nl("Save rating")).click()
    expect(
        page.get_by_text(nl("Thank you. Your fellow learner will see how the feedback landed."))
    ).to_be_visible()
    assert page.url.split("#")[0] == live_server.url + detail
    axe(page)
    screenshot(page, "rated")
