"""Issue 9, section 5: a learner downloads a copy of their data, then has their account erased.

Lotte holds a certificate, so erasing her account is her trainer's decision:
she asks on "Mijn gegevens" (confirming with her password), her trainer
erases the account in the Wagtail admin, and from then on Lotte is signed
out, cannot sign in again, and the verification page of her certificate
shows its status without her name.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.factories import (
    PASSWORD,
    CertificateFactory,
    EnrolmentFactory,
    UserFactory,
    reflection_cohort,
    submitted_reflection,
)
from training.accounts.services import user_email_mark_verified
from training.certificates.selectors import verification_path

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

NAME = "Lotte de Vries"
EMAIL = "lotte.devries@example.org"
REFLECTION = "Na mijn diagnose voelde ik me alleen, tot iemand in de groep gewoon luisterde."


@pytest.fixture
def lotte():
    assignment, _ = reflection_cohort(learners=0, min_words=5)
    cohort = assignment.get_parent().get_parent().specific.cohorts.get()
    learner = UserFactory(email=EMAIL, display_name=NAME)
    user_email_mark_verified(learner)
    enrolment = EnrolmentFactory(learner=learner, cohort=cohort)
    submitted_reflection(enrolment=enrolment, assignment=assignment, text=REFLECTION)
    certificate = CertificateFactory(enrolment=enrolment)
    trainer = cohort.trainers.get()
    user_email_mark_verified(trainer)
    return {"learner": learner, "trainer": trainer, "certificate": certificate}


def sign_in(page, email, next_url):
    page.goto(f"/account/login/?next={next_url}")
    page.get_by_label(nl("Email"), exact=True).fill(email)
    page.get_by_label(nl("Password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=nl("Sign In")).click()


@pytest.fixture
def shoot(screenshot):
    """Screenshots at desktop and phone width (with BROWSER_SCREENSHOT_DIR set)."""

    def take(page, name):
        screenshot(page, f"{name}-1280")
        page.set_viewport_size(PHONE)
        screenshot(page, f"{name}-390")
        page.set_viewport_size(DESKTOP)

    return take


def test_export_then_erasure_end_to_end(new_page, live_server, axe, lotte, shoot):
    page = new_page()
    sign_in(page, EMAIL, "/mijn/gegevens/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn gegevens")
    axe(page)
    shoot(page, "mijn-gegevens")

    # A copy of her data: the task runs at once in the tests.
    page.get_by_role("button", name="Een kopie van mijn gegevens maken").click()
    expect(page.get_by_text("Je kopie is klaar.")).to_be_visible()
    axe(page)
    shoot(page, "mijn-gegevens-klaar")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Downloaden als JSON").click()
    data = json.loads(download_info.value.path().read_text(encoding="utf-8"))
    assert data["reflections"][0]["versions"][0]["text"] == REFLECTION
    assert data["profile"]["email"] == EMAIL

    # She asks to delete her account; her certificate makes it her trainer's decision.
    page.get_by_role("link", name="Mijn account verwijderen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je account verwijderen")
    expect(page.get_by_text("je hebt een certificaat")).to_be_visible()
    axe(page)
    shoot(page, "verwijderen")
    page.get_by_label("Je wachtwoord").fill("niet-mijn-wachtwoord")
    page.get_by_role("button", name="Vraag om mijn account te verwijderen").click()
    expect(page.get_by_role("alert")).to_contain_text("Dat is niet je huidige wachtwoord")
    axe(page)
    page.get_by_label("Je wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Vraag om mijn account te verwijderen").click()
    expect(page).to_have_url(live_server.url + "/mijn/gegevens/")
    expect(page.get_by_text("Een trainer of beheerder kijkt naar je verzoek;")).to_be_visible()
    axe(page)

    # Her trainer erases the account in the admin's queue.
    admin = log_in(new_page, live_server, lotte["trainer"], "/beheer/accountverwijdering/")
    admin.get_by_role("link", name=re.compile(NAME)).click()
    expect(admin.get_by_text("Wat verwijderen betekent")).to_be_visible()
    shoot(admin, "beheer-besluit")
    admin.get_by_role("button", name="Account verwijderen").click()
    expect(admin.get_by_text("Het account is verwijderd.")).to_be_visible()
    expect(admin.get_by_role("main")).not_to_contain_text(NAME)

    # Lotte is signed out and cannot sign in again.
    page.goto("/mijn/gegevens/")
    expect(page).to_have_url(re.compile(r"/account/login/"))
    sign_in(page, EMAIL, "/mijn/")
    expect(page).to_have_url(re.compile(r"/account/login/"))
    expect(page.get_by_role("main")).to_contain_text(
        nl("The email address and/or password you specified are not correct.")
    )

    # The certificate still verifies, with its status, without her name.
    page.goto(verification_path(lotte["certificate"].code))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Geldig certificaat")
    expect(page.get_by_role("main")).not_to_contain_text(NAME)
    expect(page.get_by_role("main")).to_contain_text("zijn de persoonsgegevens verwijderd")
    axe(page)
    shoot(page, "verificatie")
