"""The small barriers of issue 27 that a screen reader or a search engine meets.

- Language of parts: the interface language is the visitor's choice (the
  switch in the header, remembered in a cookie), never the browser's
  Accept-Language; the course text is marked `lang="nl"` whatever the
  interface language, so a screen reader reads it with Dutch pronunciation.
- The main menu marks exactly the section the visitor is in: `aria-current="page"`
  on the page itself, `aria-current="true"` on the section a page lies in.
- Every page has a meta description: the page's search description, else its
  introduction, else a sensible sentence for the view.
"""

import pytest
from playwright.sync_api import expect

from home.models import StandardPage
from tests.browser.conftest import nl
from tests.factories import (
    CatalogPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    PageFactory,
    paragraph_block,
)

pytestmark = pytest.mark.browser

LESSON_TEXT = "Een samenvatting laat zien dat je hebt gehoord wat iemand zei."


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = "Over de academie"
    intro = "Waarom deze leeromgeving er is, en voor wie."
    body = []


@pytest.fixture
def tree():
    catalog = CatalogPageFactory(title="Cursussen", show_in_menus=True)
    about = StandardPageFactory(show_in_menus=True)
    course = CoursePageFactory(parent=catalog, title="Een groep begeleiden")
    module = ModulePageFactory(parent=course, title="Luisteren")
    lesson = LessonPageFactory(
        parent=module,
        title="Samenvatten zonder oordeel",
        summary="Hoe je laat merken dat je iemand hebt gehoord.",
        body=[paragraph_block(f"<p>{LESSON_TEXT}</p>")],
    )
    return {
        "catalog": catalog,
        "about": about,
        "course": course,
        "module": module,
        "lesson": lesson,
    }


def html_lang(page):
    return page.locator("html").get_attribute("lang")


def test_the_interface_language_is_chosen_not_taken_from_the_browser(new_page, tree, axe):
    lesson = tree["lesson"]
    page = new_page(locale="en-US")  # a browser set to English

    page.goto(lesson.url)
    assert html_lang(page) == "nl", "the browser's Accept-Language must not switch the site"
    expect(page.get_by_role("link", name=nl("Skip to content"))).to_have_count(1)

    page.get_by_label(nl("Language")).select_option("en")
    page.get_by_role("button", name=nl("Switch")).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Skip to content")).to_have_count(1)
    # The course text stays Dutch, and says so.
    expect(page.get_by_role("heading", level=1)).to_have_attribute("lang", "nl")
    text = page.get_by_text(LESSON_TEXT)
    assert text.evaluate("el => el.closest('[lang]').lang") == "nl"
    menu = page.get_by_role("navigation", name="Main menu")
    expect(menu.get_by_role("link", name="Cursussen")).to_have_attribute("lang", "nl")
    axe(page)

    # Remembered: the next page is English too, and so is the next visit.
    page.goto(tree["course"].url)
    assert html_lang(page) == "en"
    expect(page.get_by_role("heading", level=1)).to_have_attribute("lang", "nl")

    page.get_by_label("Language").select_option("nl")
    page.get_by_role("button", name="Switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def current_marks(page):
    menu = page.get_by_role("navigation", name=nl("Main menu"))
    return {
        link.inner_text(): link.get_attribute("aria-current")
        for link in menu.locator("a[aria-current]").all()
    }


def test_the_main_menu_marks_exactly_the_current_section(page, tree):
    page.goto("/")
    assert current_marks(page) == {}
    page.goto(tree["catalog"].url)
    assert current_marks(page) == {"Cursussen": "page"}
    for inside in ("course", "module", "lesson"):
        page.goto(tree[inside].url)
        assert current_marks(page) == {"Cursussen": "true"}, inside
    page.goto(tree["about"].url)
    assert current_marks(page) == {"Over de academie": "page"}
    page.goto("/zoeken/")
    assert current_marks(page) == {nl("Search"): "page"}


def meta_description(page):
    meta = page.locator('meta[name="description"]')
    expect(meta).to_have_count(1)
    return meta.get_attribute("content")


def test_every_page_has_a_meta_description(page, tree):
    lesson, about, course = tree["lesson"], tree["about"], tree["course"]
    course.search_description = "Leer een lotgenotengroep begeleiden."
    course.save()

    page.goto(course.url)
    assert meta_description(page) == "Leer een lotgenotengroep begeleiden."
    page.goto(lesson.url)
    assert meta_description(page) == "Hoe je laat merken dat je iemand hebt gehoord."
    page.goto(about.url)
    assert meta_description(page) == "Waarom deze leeromgeving er is, en voor wie."
    page.goto(tree["module"].url)  # no introduction: the site's own sentence
    assert meta_description(page) == nl(
        "Lotgenoot Academie: training for facilitators of peer-support groups."
    )
    page.goto(tree["catalog"].url)
    assert meta_description(page)
    for url in ("/account/login/", "/account/signup/", "/zoeken/", "/controleer/"):
        page.goto(url)
        description = meta_description(page)
        assert len(description) > 30, url


def test_on_a_phone_the_dashboard_offers_to_carry_on_before_the_checklist(
    new_page, live_server, check_screen
):
    from django.urls import reverse

    from tests.browser.conftest import PHONE, log_in
    from tests.browser.journey_site import journey_site
    from training.learning.models import Enrolment

    site = journey_site()
    Enrolment.objects.filter(learner=site.learner, cohort__course=site.course).update(
        last_lesson=site.lesson
    )
    page = log_in(
        new_page,
        live_server,
        site.learner,
        reverse("learning:dashboard"),
        viewport=PHONE,
        is_mobile=True,
    )
    card = page.locator(".dashboard-course", has_text=site.course.title)
    carry_on = card.get_by_role("link", name=nl("Continue where you left off"))
    checklist = card.get_by_role("list").filter(has_text=nl("All lessons completed"))
    # Noor also has a finished course; on opening this course's card, carrying on is in view.
    card.evaluate("el => el.scrollIntoView({block: 'start'})")
    expect(carry_on).to_be_in_viewport()
    assert carry_on.bounding_box()["y"] < checklist.bounding_box()["y"]
    check_screen(page, "dashboard")
