"""The Dutch verification address in a browser, and the page of a refused lookup
(its own small page, which needs no database query): both pass axe and fit a phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.factories import CertificateFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def one_lookup_a_minute(settings):
    from django.core.cache import cache

    cache.clear()
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = 1
    yield
    cache.clear()


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}])
def test_the_dutch_address_and_a_refused_lookup(
    new_page, axe, screenshot, one_lookup_a_minute, viewport
):
    certificate = CertificateFactory(holder_name="Dewi de Vries")
    page = new_page(viewport=viewport)
    page.goto(f"/controleer/{certificate.display_code}/")
    expect(page.get_by_text("Dewi de Vries")).to_be_visible()
    axe(page)
    screenshot(page, f"found-{viewport['width']}")

    page.goto(f"/verify/{certificate.display_code}/")  # printed before: refused now (limit 1)
    expect(page.get_by_role("heading", name="Even geduld")).to_be_visible()
    expect(page.get_by_role("link", name="Terug naar controleren")).to_be_visible()
    axe(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"]
    screenshot(page, f"refused-{viewport['width']}")
