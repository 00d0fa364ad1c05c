"""A lesson page served from the anonymous page cache, in a real browser.

The site's Content-Security-Policy uses no nonces (scripts only from the
site's own files), so a stored page cannot carry a stale one; this walk
shows it: the page comes from the cache (X-Page-Cache: hit), the browser
reports no CSP violation (the `new_page` fixture fails the test on any),
axe finds nothing at 1280 and 390 px, nothing scrolls sideways, and the
forms of the cached page work because each visitor gets a token of their
own: switching the language on it is accepted (no 403) and the English
page is cached apart from the Dutch one.
"""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import (
    LessonPageFactory,
    build_course,
    knowledge_check_block,
    paragraph_block,
)
from training.courses.models import CatalogPage, ModulePage

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def lesson(db):
    from home.models import HomePage

    catalog = HomePage.objects.get().add_child(instance=CatalogPage(title="Cursussen", slug="c"))
    course = build_course(catalog=catalog, modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    return LessonPageFactory(
        parent=module,
        title="Eerst luisteren",
        body=[paragraph_block("<p>Luisteren gaat voor adviseren.</p>"), knowledge_check_block()],
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_a_cached_lesson_page_runs_under_the_policy_and_its_forms_work(
    new_page, lesson, axe, screenshot, viewport
):
    page = new_page(viewport=viewport, is_mobile=viewport == PHONE)
    page.goto(lesson.url)
    response = page.goto(lesson.url)

    assert response.headers.get("x-page-cache") == "hit"
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "nonce" not in policy
    expect(page.get_by_role("heading", name="Eerst luisteren")).to_be_visible()
    expect(page.get_by_text("Wat doe je eerst?")).to_be_visible()
    axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    screenshot(page, f"cached-lesson-{viewport['width']}")

    menu = page.locator("summary", has_text="Menu")
    if menu.is_visible():  # on a phone the language choice sits inside the menu
        menu.click()
    page.get_by_label("Taal").select_option("en")
    with page.expect_navigation():
        page.get_by_role("button", name="Wissel").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Eerst luisteren")).to_be_visible()
    expect(page.get_by_text("Knowledge check")).to_be_visible()
    english = page.goto(lesson.url)
    assert english.headers.get("x-page-cache") == "hit"
    expect(page.get_by_role("link", name="Skip to content")).to_be_attached()
