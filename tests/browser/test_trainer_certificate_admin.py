"""A trainer's certificate and cohort-progress screens in the Wagtail admin, in the browser.

Search, filter and export the certificate list, inspect one, revoke it with a
reason, find the entry in its history and undo it; look at the cohort's
progress filtered by status. Every screen is scanned with axe-core at 1280
and 390 px (no sideways scrolling on the phone), and saved for a person to
look at when BROWSER_SCREENSHOT_DIR is set.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in as sign_in
from tests.browser.conftest import nl
from tests.factories import CertificateFactory, CohortFactory, EnrolmentFactory, TrainerFactory
from tests.learning.test_cohort_progress import enrol
from training.accounts.services import user_email_mark_verified
from training.certificates.models import Certificate
from training.courses.selectors import course_outline

pytestmark = pytest.mark.browser


def test_search_filter_export_inspect_revoke_history_and_undo(new_page, live_server, check_screen):
    trainer = TrainerFactory(display_name="Tessa Trainer")
    user_email_mark_verified(trainer)
    cohort = CohortFactory(name="Voorjaarsgroep Zwolle", trainers=[trainer])
    anna = CertificateFactory(enrolment=EnrolmentFactory(cohort=cohort), holder_name="Anna Bakker")
    CertificateFactory(enrolment=EnrolmentFactory(cohort=cohort), holder_name="=cmd Smit")
    CertificateFactory(holder_name="Vreemde Houder")  # another trainer's

    index = reverse("certificates_admin:index")
    page = sign_in(new_page, live_server, trainer, index)
    expect(page.get_by_role("link", name="Anna Bakker")).to_be_visible()
    expect(page.get_by_text("Vreemde Houder")).to_have_count(0)
    check_screen(page, "certificates-index")

    search = page.locator("header input[name=q], main input[name=q]").first
    search.fill("anna")
    search.press("Enter")
    expect(page.get_by_role("link", name="=cmd Smit")).to_have_count(0)
    expect(page.get_by_role("link", name="Anna Bakker")).to_be_visible()

    page.goto(f"{index}?status=revoked")
    expect(page.get_by_role("link", name="Anna Bakker")).to_have_count(0)
    page.goto(f"{index}?status=valid")
    expect(page.get_by_role("link", name="Anna Bakker")).to_be_visible()

    export = page.request.get(f"{live_server.url}{index}?export=csv")
    assert export.ok and "'=cmd Smit" in export.text() and "Vreemde Houder" not in export.text()

    page.goto(index)
    page.get_by_role("link", name="Anna Bakker").click()
    inspect_url = reverse("certificates_admin:inspect", args=[anna.pk])
    expect(page).to_have_url(live_server.url + inspect_url)
    expect(page.get_by_text(anna.display_code)).to_be_visible()
    check_screen(page, "certificate-inspect")

    expect(page.get_by_text(anna.learner.get_full_name())).to_have_count(0)  # the holder only
    page.get_by_role("link", name=nl("Revoke certificate")).click()
    expect(page).to_have_url(live_server.url + reverse("certificates_admin:revoke", args=[anna.pk]))
    page.get_by_role("button", name=nl("Revoke certificate")).click()
    expect(page.get_by_text(nl("This field is required."))).to_be_visible()
    page.get_by_label(nl("Reason")).fill("Dubbel uitgegeven")
    check_screen(page, "certificate-revoke")
    page.get_by_role("button", name=nl("Revoke certificate")).click()
    expect(page).to_have_url(live_server.url + inspect_url)
    expect(page.get_by_text("Dubbel uitgegeven")).to_be_visible()
    assert Certificate.objects.get(pk=anna.pk).is_revoked

    page.goto(reverse("certificates_admin:history", args=[anna.pk]))
    expect(page.get_by_text(nl("Certificate revoked"))).to_be_visible()
    expect(page.get_by_text("Dubbel uitgegeven")).to_be_visible()
    check_screen(page, "certificate-history")

    page.goto(inspect_url)
    page.get_by_role("link", name=nl("Undo revocation")).click()
    page.get_by_label(nl("Reason")).fill("Toch terecht")
    page.get_by_role("button", name=nl("Undo revocation")).click()
    expect(page).to_have_url(live_server.url + inspect_url)
    assert not Certificate.objects.get(pk=anna.pk).is_revoked


def test_cohort_progress_filtered_by_status(new_page, live_server, check_screen):
    trainer = TrainerFactory(display_name="Tessa Trainer")
    user_email_mark_verified(trainer)
    cohort = CohortFactory(name="Najaarsgroep Delft", trainers=[trainer])
    lessons = course_outline(course=cohort.course).lessons
    enrol(cohort, "Anouk Klaar", lessons=lessons)
    enrol(cohort, "Bram Bezig", lessons=lessons[:1])
    enrol(cohort, "Cor Nognietbegonnen")

    url = reverse("cohorts:progress", args=[cohort.pk])
    page = sign_in(new_page, live_server, trainer, url)
    check_screen(page, "cohort-progress")
    page.get_by_label(nl("Status")).select_option(label=nl("Not started"))
    page.get_by_role("button", name=nl("Apply")).click()
    expect(page.get_by_role("rowheader", name="Cor Nognietbegonnen")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Anouk Klaar")).to_have_count(0)
    check_screen(page, "cohort-progress-filtered")
