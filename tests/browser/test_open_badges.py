"""Issue 14: on "Mijn certificaten" the holder downloads their certificate as an Open
Badge and finds a filled-in LinkedIn link; the verification page links the credential.
On a 390 px phone and on a desktop, with no axe violations and nothing off-screen."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, log_in, nl
from tests.factories import CertificateFactory, UserFactory
from training.accounts.services import user_email_mark_verified
from training.credentials.services import credential_issue

pytestmark = pytest.mark.browser


def _no_sideways_scrolling(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def credential(settings, tmp_path, live_server):
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "keys")
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    learner = UserFactory(email="noor@example.org", display_name="Noor de Vries")
    user_email_mark_verified(learner)
    return credential_issue(certificate=CertificateFactory(enrolment__learner=learner))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_holder_downloads_the_open_badge_and_finds_the_linkedin_link(
    new_page, live_server, axe, screenshot, credential, viewport
):
    certificate = credential.certificate
    page = log_in(
        new_page, live_server, certificate.learner, "/mijn/certificaten/", viewport=viewport
    )
    download_link = page.get_by_role(
        "link", name=nl("Download as a digital certificate (Open Badge)")
    )
    linkedin = page.get_by_role("link", name=nl("Add to LinkedIn profile"))
    expect(download_link).to_be_visible()
    expect(linkedin).to_have_attribute(
        "href",
        re.compile(r"^https://www\.linkedin\.com/profile/add\?startTask=CERTIFICATION_NAME&"),
    )
    axe(page)
    _no_sideways_scrolling(page)
    screenshot(page, "mine")

    download_link.focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == f"open-badge-{certificate.display_code}.json"
    document = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert document == credential.document  # with its Data Integrity proof

    page.goto(f"/verify/{certificate.display_code}/")
    section = page.get_by_role("region", name=nl("Digital certificate"))
    expect(section).to_contain_text("Open Badge 3.0")
    expect(section).to_contain_text("Een computer controleert onze handtekening")
    code = certificate.display_code
    expect(
        section.get_by_role(
            "link", name=nl("Digital certificate with embedded proof (JSON, for wallets)")
        )
    ).to_have_attribute("href", f"/credentials/{code}.json")
    expect(
        section.get_by_role("link", name=nl("Digital certificate as a signed token (JWT)"))
    ).to_have_attribute("href", f"/credentials/{code}.jwt")
    axe(page)
    _no_sideways_scrolling(page)
    screenshot(page, "verify")
