"""Issue 24 in the browser: an academy administrator invites a new trainer by email; the
trainer, who has no account yet, signs up with that address, verifies it (the link from
the test's mail outbox), sees the invitation on "My learning", accepts it on the
invitation page and reaches the admin with the trainer role. axe finds nothing, nothing
scrolls sideways at 390 px, no CSP violation (the `new_page` fixture)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.factories import PASSWORD, academy_course, academy_create, academy_person
from training.academies.models import AcademyInvitation, AcademyRole
from training.accounts.services import user_email_mark_verified

pytestmark = pytest.mark.browser

EMAIL = "noor.trainer@example.org"


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_an_invited_trainer_signs_up_accepts_and_reaches_the_admin(
    new_page, live_server, check_screen
):
    academy = academy_create("Stichting Samen Verder", accent_colour="#0f5132")
    academy_course(academy, modules=1, lessons_per_module=1, title="Luisteren in de groep")
    admin = academy_person(academy, "administrator", email="beheer-sv@example.org")
    user_email_mark_verified(admin)

    # 1. The administrator invites Noor, who has no account yet.
    page = log_in(new_page, live_server, admin, "/beheer/academy_invitations/new/")
    page.get_by_label(nl("Email address")).fill(EMAIL)
    page.get_by_label(nl("Role")).select_option("trainer")
    check_screen(page, "invite-form")
    page.get_by_role("button", name=nl("Create")).first.click()
    expect(page.get_by_role("table")).to_contain_text(EMAIL)
    check_screen(page, "invitations")
    invitation = AcademyInvitation.objects.get(email=EMAIL)
    [invite_mail] = [m for m in mail.outbox if m.to == [EMAIL]]
    assert "Stichting Samen Verder" in invite_mail.subject

    # 2. Noor signs up with that address (the link in the email) and verifies it.
    signup = re.search(r"https?://\S+/account/signup/\S*", invite_mail.body)
    assert signup, invite_mail.body
    noor = new_page()
    noor.goto(path_of(signup.group()))
    noor.get_by_label(nl("Your name")).fill("Noor Trainer")
    noor.get_by_label(nl("Email"), exact=True).fill(EMAIL)
    noor.get_by_label(nl("Password"), exact=True).fill(PASSWORD)
    noor.get_by_label(nl("Password (again)")).fill(PASSWORD)
    noor.get_by_role("button", name=nl("Sign Up")).click()
    expect(noor.get_by_role("heading", level=1)).to_have_text(nl("Verify Your Email Address"))
    [verify_mail] = [m for m in mail.outbox if m.to == [EMAIL] and m is not invite_mail]
    link = re.search(r"https?://\S+/account/confirm-email/\S+", verify_mail.body)
    assert link, verify_mail.body
    noor.goto(path_of(link.group()))
    noor.get_by_role("button", name=nl("Confirm")).click()

    # 3. "My learning" shows the invitation; she opens and accepts it.
    noor.goto("/mijn/")
    notice = noor.get_by_role("region", name=nl("You have an invitation"))
    expect(notice).to_contain_text("Stichting Samen Verder")
    check_screen(noor, "dashboard-invitation")
    notice.get_by_role("link").click()
    expect(noor.get_by_role("heading", level=1)).to_contain_text("Stichting Samen Verder")
    check_screen(noor, "invitation-page")
    noor.get_by_role("button", name=nl("Accept")).click()
    expect(noor.locator(".message--success").first).to_be_visible()
    check_screen(noor, "invitation-accepted")
    trainer = AcademyRole.objects.get(academy=academy, user__email=EMAIL, role="trainer").user
    invitation.refresh_from_db()
    assert invitation.accepted_by == trainer

    # 4. She reaches the admin with the trainer role: the academy's own catalogue.
    admin_page = log_in(new_page, live_server, trainer, f"/beheer/pages/{academy.catalogue.pk}/")
    expect(admin_page.get_by_role("main")).to_contain_text("Luisteren in de groep")


def test_the_staff_overview_screen(new_page, live_server, check_screen):
    from tests.factories import CertificateFactory, CohortFactory, EnrolmentFactory, UserFactory

    academy = academy_create("Stichting Samen Verder", accent_colour="#0f5132")
    course = academy_course(academy, modules=1, lessons_per_module=1, title="Luisteren")
    cohort = CohortFactory(academy=academy, course=course, name="Voorjaar Utrecht")
    learner = UserFactory(display_name="Fien de Vries")
    CertificateFactory(enrolment=EnrolmentFactory(cohort=cohort, learner=learner))
    EnrolmentFactory(cohort=cohort)
    staff = academy_person(academy, "staff", email="medewerker-sv@example.org")
    user_email_mark_verified(staff)

    page = log_in(new_page, live_server, staff, "/beheer/academie-overzicht/")
    table = page.get_by_role("table")
    expect(table).to_contain_text("Fien de Vries")
    expect(table).to_contain_text("Voorjaar Utrecht")
    check_screen(page, "staff-overview")
