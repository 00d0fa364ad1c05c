"""A trainer suspends a certificate in the admin and lifts it again; the public
verification page says "tijdelijk geschorst" with the kind of reason, never the text.
Every screen at 1280 and 390 px with axe and no sideways scrolling."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.factories import CertificateFactory, CohortFactory, EnrolmentFactory, TrainerFactory
from training.accounts.services import user_email_mark_verified

pytestmark = pytest.mark.browser

PRIVATE = "Melding over de sfeer in de groep van 3 maart"


def test_a_trainer_suspends_and_lifts_and_verification_shows_the_class_only(
    new_page, live_server, check_screen, settings, tmp_path
):
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "keys")
    trainer = TrainerFactory(display_name="Tessa Trainer")
    user_email_mark_verified(trainer)
    cohort = CohortFactory(trainers=[trainer])
    certificate = CertificateFactory(
        enrolment=EnrolmentFactory(cohort=cohort), holder_name="Anna Bakker"
    )
    inspect = reverse("certificates_admin:inspect", args=[certificate.pk])
    page = log_in(new_page, live_server, trainer, inspect)

    page.get_by_role("link", name=nl("Suspend certificate")).click()
    expect(page.get_by_role("heading", name=nl("Suspend certificate"))).to_be_visible()
    check_screen(page, "suspend-form")
    page.get_by_label(nl("investigation of a concern")).check()
    page.get_by_label(nl("Reason (private)")).fill(PRIVATE)
    page.get_by_role("button", name=nl("Suspend certificate")).click()
    expect(page).to_have_url(live_server.url + inspect)
    expect(page.get_by_text(PRIVATE)).to_be_visible()  # the trainer sees their words
    check_screen(page, "inspect-suspended")

    public = new_page()
    public.goto(f"{live_server.url}/controleer/{certificate.display_code}/")
    expect(public.get_by_role("heading", level=1)).to_contain_text(
        "Certificaat tijdelijk geschorst"
    )
    expect(public.get_by_text("onderzoek naar een melding")).to_be_visible()
    expect(public.get_by_text(PRIVATE)).to_have_count(0)
    check_screen(public, "verify-suspended")

    page.get_by_role("link", name=nl("Lift suspension")).click()
    check_screen(page, "lift-confirm")
    page.get_by_role("button", name=nl("Lift suspension")).click()
    expect(page).to_have_url(live_server.url + inspect)
    public.reload()
    expect(public.get_by_role("heading", level=1)).to_contain_text("Geldig certificaat")
