"""A facilitator trained in two academies chooses whose trainers get what they address:
the check-in's request for contact, a shared log entry, continued education. Every form
is scanned with axe at 1280 and 390 px (and saved when BROWSER_SCREENSHOT_DIR is set)."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    academy_create,
    academy_person,
)
from training.accounts.services import user_email_mark_verified
from training.continuing.models import SupportRequest

pytestmark = pytest.mark.browser


def test_a_facilitator_of_two_academies_asks_one_of_them_for_contact(
    new_page, live_server, check_screen, db
):
    a, b = academy_create("Academie Reuma"), academy_create("Stichting Samen Verder")
    learner = UserFactory(display_name="Sanne Tweemaal")
    user_email_mark_verified(learner)
    for academy, day in ((a, 5), (b, 6)):
        EnrolmentFactory(
            cohort=CohortFactory(academy=academy, trainers=[academy_person(academy, "trainer")]),
            learner=learner,
            enrolled_at=datetime.datetime(2026, 1, day, tzinfo=datetime.UTC),
        )

    page = log_in(new_page, live_server, learner, reverse("continuing:session_new"))
    expect(page.get_by_role("group", name=nl("Share with the trainers of"))).to_be_visible()
    check_screen(page, "session-form-two-academies")
    page.goto(reverse("continuing:activity_new"))
    expect(page.get_by_role("group", name=nl("Checked by the trainers of"))).to_be_visible()
    check_screen(page, "activity-form-two-academies")

    page.goto(reverse("continuing:wellbeing"))
    choice = page.get_by_role("group", name=nl("Contact from a trainer of"))
    expect(choice.get_by_label("Stichting Samen Verder")).to_be_checked()  # the latest
    check_screen(page, "checkin-form-two-academies")
    page.get_by_role("group", name=nl("How much energy did it cost you?")).get_by_label(
        nl("a lot")
    ).check()
    page.get_by_role("group", name=nl("How much energy did it give you?")).get_by_label(
        nl("a little")
    ).check()
    page.get_by_role("group", name=nl("How did you sleep afterwards?")).get_by_label(
        nl("restlessly")
    ).check()
    page.get_by_label(nl("I would like my trainer or coordinator to contact me")).check()
    choice.get_by_label("Academie Reuma").check()
    page.get_by_role("button", name=nl("Save my check-in")).click()
    expect(page.get_by_text(nl("Your trainer will get in touch with you."))).to_be_visible()
    assert SupportRequest.objects.get(facilitator=learner).academy == a
