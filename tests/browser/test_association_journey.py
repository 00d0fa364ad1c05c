"""An association admin builds their team and links a facilitator; on a phone the status
page shows each facilitator as a card, status first, with nothing off-screen.

Issue 10: the admin invites a colleague, who accepts; the admin invites a
facilitator trained elsewhere, who confirms on the site and then sees on
"Mijn certificaten" that the association can see their status, and why.
The colleague then opens the status page on a 390 px phone.
"""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, html_errors, log_in, nl, table_roles
from tests.factories import (
    AssociationFactory,
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
)
from training.accounts.services import user_email_mark_verified

pytestmark = pytest.mark.browser

ASSOCIATION = "Vereniging Samen Sterk"


def verified_user(email, name):
    user = UserFactory(email=email, display_name=name)
    user_email_mark_verified(user)
    return user


def invitation_path(message):
    match = re.search(r"https?://[^\s]+(/vereniging/uitnodiging/\d+/)", message.body)
    assert match, message.body
    return match.group(1)


def facilitator_with_certificate(association, name, days_left):
    today = timezone.localdate()
    learner = verified_user(f"{name.split()[0].lower()}@example.org", name)
    CertificateFactory(
        enrolment=EnrolmentFactory(learner=learner, cohort=CohortFactory(association=association)),
        issued_on=today - datetime.timedelta(days=1000),
        valid_until=today + datetime.timedelta(days=days_left),
    )
    return learner


def assert_cards_status_first(page, width):
    """No horizontal scrolling anywhere, every card's status above its name and on screen."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    scroller = page.locator(".table-scroll")
    assert scroller.evaluate("el => el.scrollWidth <= el.clientWidth")
    rows = page.locator("tbody tr")
    assert rows.count() > 0
    for index in range(rows.count()):
        row = rows.nth(index)
        status = row.locator(".status-tag").bounding_box()
        name = row.locator("th").bounding_box()
        valid_until = row.locator("td").nth(2).bounding_box()
        assert status["y"] < name["y"], "the status comes first in the card"
        for box in (status, name, valid_until):
            assert box["x"] >= 0 and box["x"] + box["width"] <= width


def test_an_admin_adds_staff_links_a_facilitator_and_the_phone_shows_cards(
    new_page, live_server, axe, screenshot
):
    admin = verified_user("beheer@samensterk.example.org", "Anja Beheer")
    association = AssociationFactory(name=ASSOCIATION, admins=[admin])
    facilitator_with_certificate(association, "Bas Bijna", days_left=40)
    colleague = verified_user("sanne@samensterk.example.org", "Sanne Staf")
    # Fien trained with another association; Samen Sterk links her by invitation.
    fien = facilitator_with_certificate(AssociationFactory(), "Fien Elders", days_left=400)

    # The admin invites a colleague.
    page = log_in(new_page, live_server, admin, f"/vereniging/{association.pk}/")
    page.get_by_role("link", name=nl("Staff"), exact=True).click()
    page.get_by_label(nl("Email address")).fill(colleague.email)
    page.get_by_label(nl("staff member"), exact=True).check()
    page.get_by_role("button", name=nl("Send invitation")).click()
    expect(page.locator(".message--success")).to_contain_text(colleague.email)
    axe(page)
    screenshot(page, "staff-1280")

    # The colleague accepts from the link in the email.
    [message] = mail.outbox
    assert message.to == [colleague.email]
    sanne = log_in(new_page, live_server, colleague, invitation_path(message))
    axe(sanne)
    sanne.get_by_role("button", name=nl("Accept")).click()
    # Now staff, Sanne is asked to set up two-step sign-in before the association pages.
    expect(sanne).to_have_url(re.compile(r"/account/(2fa|reauthenticate)/"))
    sanne = log_in(new_page, live_server, colleague, f"/vereniging/{association.pk}/")
    expect(sanne.get_by_role("link", name=nl("Staff"), exact=True)).to_have_count(0)

    # The admin invites Fien, who confirms and sees why Samen Sterk sees her status.
    page.goto(f"/vereniging/{association.pk}/facilitatoren/")
    page.get_by_label(nl("Facilitator's email address")).fill(fien.email)
    page.get_by_role("button", name=nl("Send invitation")).click()
    expect(page.get_by_role("list", name=nl("Waiting for confirmation"))).to_contain_text(
        fien.email
    )
    axe(page)
    screenshot(page, "facilitators-1280")
    fien_page = log_in(new_page, live_server, fien, invitation_path(mail.outbox[-1]))
    expect(fien_page.get_by_role("heading", level=1)).to_contain_text(ASSOCIATION)
    axe(fien_page)
    screenshot(fien_page, "invitation-1280")
    fien_page.get_by_role("button", name=nl("Confirm")).click()
    expect(fien_page).to_have_url(f"{live_server.url}/mijn/certificaten/")
    seeing = fien_page.get_by_role("list", name=nl("Who can see your certification status"))
    expect(seeing).to_contain_text(ASSOCIATION)
    expect(seeing.get_by_role("button", name=re.compile(nl("End link")))).to_have_count(1)
    axe(fien_page)
    screenshot(fien_page, "mine-1280")

    # Sanne opens the status page on her phone: Fien is there, as a card.
    phone = log_in(
        new_page,
        live_server,
        colleague,
        f"/vereniging/{association.pk}/",
        viewport=PHONE,
        is_mobile=True,
    )
    expect(phone.locator("tbody")).to_contain_text("Fien Elders")
    assert_cards_status_first(phone, PHONE["width"])
    axe(phone)
    screenshot(phone, "status-390")


@pytest.mark.parametrize("width", [320, 390])
def test_the_status_page_on_a_phone_is_cards_with_the_status_first(
    new_page, live_server, axe, screenshot, width
):
    staff = verified_user("staf@samensterk.example.org", "Sanne Staf")
    association = AssociationFactory(name=ASSOCIATION, staff=[staff])
    facilitator_with_certificate(association, "Bas Bijna", days_left=40)
    facilitator_with_certificate(association, "Maximiliaan van Oldenbarnevelt", days_left=900)
    phone = log_in(
        new_page,
        live_server,
        staff,
        f"/vereniging/{association.pk}/",
        viewport={"width": width, "height": 800},
        is_mobile=True,
    )
    assert_cards_status_first(phone, width)
    # Cards for the eye, still a table for a screen reader: without explicit roles on
    # tr/th/td (invalid HTML, the Nu HTML Checker's 90 errors of issue 27), Chromium keeps
    # the table, a row per facilitator, their name as row header and a cell per column.
    assert table_roles(phone) == {
        "table": 1,
        "row": 3,
        "columnheader": 5,
        "rowheader": 2,
        "cell": 8,
    }
    assert html_errors(phone) == []
    axe(phone)
    screenshot(phone, f"status-{width}")


def test_the_status_page_on_a_desktop_stays_a_table(new_page, live_server, axe, screenshot):
    staff = verified_user("staf@samensterk.example.org", "Sanne Staf")
    association = AssociationFactory(name=ASSOCIATION, staff=[staff])
    facilitator_with_certificate(association, "Bas Bijna", days_left=40)
    page = log_in(new_page, live_server, staff, f"/vereniging/{association.pk}/")
    header = page.locator("thead th").first
    assert header.is_visible()
    status = page.locator("tbody tr .status-tag").bounding_box()
    name = page.locator("tbody th").bounding_box()
    assert abs(status["y"] - name["y"]) < name["height"], "one row, side by side"
    axe(page)
    screenshot(page, "status-1280")
