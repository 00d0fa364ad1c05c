"""The groups' own voice, clicked through on phones: a facilitator opens a feedback moment,
six participants answer on phone-sized screens (one without JavaScript), the facilitator
sees the chart, the association sees the quarter. Every screen: axe 0 violations at 1280
and 390 px, no sideways scroll, no CSP violation (the `new_page` fixture fails on one)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, nl
from tests.browser.conftest import log_in as sign_in
from tests.factories import AssociationFactory, EnrolmentFactory, UserFactory
from training.accounts.services import user_email_mark_verified
from training.associations.models import AssociationMembership
from training.groups.models import FeedbackAnswer, FeedbackMoment

pytestmark = pytest.mark.browser

ANSWERS = ["5", "5", "4", "4", "5", "3"]


@pytest.fixture
def people(transactional_db):
    facilitator = EnrolmentFactory().learner
    user_email_mark_verified(facilitator)
    staff = UserFactory()
    user_email_mark_verified(staff)
    association = AssociationFactory(name="Vereniging Samen Sterk", staff=[staff])
    AssociationMembership.objects.create(
        association=association, learner=facilitator, confirmed_at=timezone.now()
    )
    return facilitator, staff, association


def _answer(page, url, value, *, open_answer=""):
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("How was the meeting?"))
    label = {"5": nl("completely true"), "4": nl("mostly true"), "3": nl("partly true")}[value]
    for statement in (
        "I felt safe",
        "I was accepted as I am",
        "There was room for my story",
        "The atmosphere in the group was good",
        "The agreements were clear",
    ):
        page.get_by_role("group", name=nl(statement)).get_by_label(label, exact=True).check()
    page.get_by_label(nl("recognition"), exact=True).check()
    if open_answer:
        page.get_by_label(nl("What helped you today?")).fill(open_answer)
    page.get_by_role("button", name=nl("Send my answers")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Thank you"))


def test_a_moment_six_phones_the_chart_and_the_quarter(new_page, live_server, people, check_screen):
    facilitator, staff, association = people
    page = sign_in(new_page, live_server, facilitator, "/mijn/groepen/", viewport=PHONE)
    check_screen(page, "groups-empty")
    page.get_by_role("link", name=nl("Add a group")).click()
    page.get_by_label(nl("name or theme")).fill("Leven met reuma, avondgroep")
    page.get_by_label(nl("association")).select_option(label="Vereniging Samen Sterk")
    page.get_by_label(nl("usual rhythm")).fill("om de week, dinsdagavond")
    check_screen(page, "group-form")
    page.get_by_role("button", name=nl("Save")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leven met reuma, avondgroep")

    page.get_by_role("link", name=nl("Open a feedback moment")).click()
    check_screen(page, "moment-form")
    page.get_by_role("button", name=nl("Open the moment")).click()
    check_screen(page, "moment")
    moment = FeedbackMoment.objects.get()
    url = f"{live_server.url}/groep/{moment.token}/"
    expect(page.get_by_role("link", name=url)).to_be_visible()
    page.get_by_role("link", name=nl("Show the QR code full screen")).click()
    expect(
        page.get_by_role("img", name=nl("QR code to the questions for participants"))
    ).to_be_visible()
    check_screen(page, "moment-screen")

    for index, value in enumerate(ANSWERS):
        phone = new_page(viewport=PHONE, is_mobile=True, java_script_enabled=index != 2)
        if index == 0:
            phone.goto(url)
            check_screen(phone, "participant")
        _answer(
            phone, url, value, open_answer="Dat ik mijn verhaal kwijt kon." if index == 1 else ""
        )
        if index == 0:
            check_screen(phone, "participant-thanks")
            phone.goto(url)  # the same phone again: refused, calmly
            expect(
                phone.get_by_text(
                    nl("You already answered for this meeting on this phone. Thank you!")
                )
            ).to_be_visible()
            check_screen(phone, "participant-already")
    assert FeedbackAnswer.objects.count() == 6

    page.goto(f"/mijn/groepen/{moment.meeting.group.public_id}/")
    expect(page.locator("svg.statement-chart").first).to_be_visible()
    expect(page.get_by_text("Dat ik mijn verhaal kwijt kon.")).to_be_visible()
    check_screen(page, "group-results")

    year, quarter = moment.meeting.held_on.year, (moment.meeting.held_on.month - 1) // 3 + 1
    staff_page = sign_in(
        new_page, live_server, staff, f"/vereniging/{association.pk}/", viewport=PHONE
    )
    staff_page.get_by_role("link", name=nl("Group feedback")).click()
    staff_page.goto(f"/vereniging/{association.pk}/groepen/?kwartaal={year}-{quarter}")
    expect(staff_page.get_by_role("heading", name="Leven met reuma, avondgroep")).to_be_visible()
    expect(staff_page.get_by_text("Dat ik mijn verhaal kwijt kon.")).to_have_count(0)
    check_screen(staff_page, "association-quarter")
