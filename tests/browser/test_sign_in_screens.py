"""The new sign-in screens in Chromium: two-step sign-in, the 429 page, the emailed code."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, nl
from tests.factories import PASSWORD, TrainerFactory, totp_code, totp_set_up
from training.accounts.services import user_email_mark_verified

pytestmark = pytest.mark.browser


@pytest.fixture
def trainer(db):
    user = TrainerFactory(email="tessa@example.org", display_name="Tessa Trainer")
    user_email_mark_verified(user)
    return user


@pytest.fixture
def shoot(screenshot):
    """Screenshots at phone and desktop width (when BROWSER_SCREENSHOT_DIR is set)."""

    def take(page, name):
        for viewport in [PHONE, DESKTOP]:
            page.set_viewport_size(viewport)
            screenshot(page, f"{name}-{viewport['width']}")

    return take


def sign_in_with_password(page, email):
    page.goto("/account/login/?next=/beheer/")
    page.get_by_label(nl("Email"), exact=True).fill(email)
    page.get_by_label(nl("Password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=nl("Sign In")).click()


def test_trainer_sets_up_the_app_before_the_admin(page, live_server, trainer, axe, shoot):
    sign_in_with_password(page, trainer.email)
    # /beheer/ -> set up the app -> allauth asks for the password once more.
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Confirm Access"))
    page.get_by_label(nl("Password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=nl("Confirm")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Activate Authenticator App"))
    axe(page)
    shoot(page, "activate")


def test_the_code_step_at_sign_in(page, live_server, trainer, axe, shoot):
    totp_set_up(trainer)
    sign_in_with_password(page, trainer.email)

    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Two-Factor Authentication"))
    axe(page)
    shoot(page, "code")
    page.get_by_label(nl("Code"), exact=True).fill(totp_code())
    page.get_by_role("button", name=nl("Sign In")).click()
    expect(page).to_have_url(live_server.url + "/beheer/")


def test_the_429_page_and_the_emailed_code(page, live_server, trainer, axe, shoot):
    for _attempt in range(6):
        page.goto("/account/login/")
        page.get_by_label(nl("Email"), exact=True).fill(trainer.email)
        page.get_by_label(nl("Password"), exact=True).fill("niet-mijn-wachtwoord")
        page.get_by_role("button", name=nl("Sign In")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Too many sign-in attempts"))
    axe(page)
    shoot(page, "429")

    page.get_by_role("link", name=nl("Email me a sign-in code")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Send me a sign-in code"))
    axe(page)
    shoot(page, "request-code")
