"""After the course, clicked through: the facilitator's and the coordinator's journeys.

A certified facilitator logs a group session with a reflection, checks in on
their own wellbeing (asking for contact), adds training done elsewhere with a
proof file; their trainer confirms it in the admin, which meets the renewal
rule together with intervision and practice: the renewed certificate appears
under "Mijn certificaten". The coordinator of their intervision group takes
attendance; a member writes case notes. Every screen is scanned with axe at
1280 and 390 px (and saved when BROWSER_SCREENSHOT_DIR is set).
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import log_in as sign_in
from tests.browser.conftest import nl
from tests.factories import CertificateFactory, EnrolmentFactory, UserFactory
from training.accounts.services import user_email_mark_verified
from training.certificates.models import Certificate
from training.continuing.models import (
    IntervisionAttendance,
    IntervisionGroup,
    IntervisionMeeting,
    PracticeSession,
    RenewalRule,
    SupportRequest,
    WellbeingCheckIn,
)

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def certified(db):
    certificate = CertificateFactory(
        holder_name="Fatima Facilitator",
        issued_on=timezone.localdate() - datetime.timedelta(days=300),
    )
    learner = certificate.learner
    learner.display_name = "Fatima Facilitator"
    learner.save()
    user_email_mark_verified(learner)
    RenewalRule.objects.create(
        qualification=certificate.qualification,
        hours=5,
        boundary_hours=1,
        intervision_hours=2,
        practice_cap_hours=2,
    )
    return certificate


def test_a_facilitator_logs_checks_in_adds_training_and_is_renewed(
    new_page, live_server, check_screen, certified, tmp_path
):
    facilitator = certified.learner
    trainer = certified.cohort.trainers.get()
    user_email_mark_verified(trainer)
    coordinator = EnrolmentFactory().learner
    group = IntervisionGroup.objects.create(name="Intervisie Oost", coordinator=coordinator)
    group.members.add(facilitator)
    meeting = IntervisionMeeting.objects.create(
        group=group, starts_at=timezone.now() - datetime.timedelta(days=20), duration_minutes=120
    )
    IntervisionAttendance.objects.create(meeting=meeting, facilitator=facilitator, present=True)

    page = sign_in(new_page, live_server, facilitator, reverse("continuing:log"))
    check_screen(page, "log-empty")

    # 1. Log a session, with a reflection.
    page.get_by_role("link", name=nl("Log a session")).click()
    check_screen(page, "session-form")
    page.get_by_label(nl("kind of group")).fill("Leven met een chronische pijn, avondgroep")
    page.get_by_label(nl("duration in minutes")).fill("150")
    page.get_by_label(nl("A moment of listening")).fill(
        "Ik wilde een tip geven, maar vatte eerst samen wat ik hoorde."
    )
    page.get_by_role("button", name=nl("Add to my log")).click()

    # 2. Straight on to the check-in for that session; ask for contact.
    expect(page.get_by_role("heading", level=2, name=re.compile("Na “Leven met"))).to_be_visible()
    check_screen(page, "checkin-form")
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
    page.get_by_role("button", name=nl("Save my check-in")).click()
    expect(page.get_by_text(nl("Your trainer will get in touch with you."))).to_be_visible()
    expect(page.get_by_role("img", name=nl("Your last check-ins"))).to_be_visible()
    check_screen(page, "wellbeing-trend")
    assert PracticeSession.objects.filter(facilitator=facilitator).count() == 1
    assert WellbeingCheckIn.objects.get(facilitator=facilitator).session is not None
    assert SupportRequest.objects.filter(facilitator=facilitator).exists()

    # 3. Continued education: what is still missing, then training elsewhere with proof.
    page.get_by_role("link", name=nl("Continued education")).first.click()
    expect(
        page.get_by_text(re.compile(r"Nog 1 uur te gaan, waarvan 0 intervisie en 1 over"))
    ).to_be_visible()
    check_screen(page, "education")
    page.get_by_role("link", name=nl("Add an activity")).click()
    proof = tmp_path / "bewijs.pdf"
    proof.write_bytes(PDF)
    page.get_by_label(nl("what you did")).fill("Studiedag grenzen bewaken")
    page.get_by_label(nl("date")).fill(timezone.localdate().isoformat())
    page.get_by_label(nl("hours").capitalize(), exact=True).fill("1,5")
    page.get_by_label(nl("about guarding boundaries")).check()
    page.get_by_label(nl("proof")).set_input_files(str(proof))
    check_screen(page, "activity-form")
    page.get_by_role("button", name=nl("Add"), exact=True).click()
    expect(page.get_by_text(nl("waiting for a trainer")).first).to_be_visible()

    # 4. The trainer sees the request for contact and confirms the activity.
    admin = sign_in(new_page, live_server, trainer, reverse("support_requests:index"))
    expect(admin.get_by_text("Fatima Facilitator")).to_be_visible()
    admin.goto(reverse("external_activities:index"))
    admin.get_by_role("link", name=nl("Confirm or reject")).click()
    admin.get_by_role("button", name=nl("Confirm: the hours count")).click()
    expect(admin.get_by_text(nl("Confirmed."))).to_be_visible()

    # 5. The renewal rule is met: a renewed certificate, without a refresher course.
    renewed = Certificate.objects.get(learner=facilitator, period=certified.period + 1)
    page.goto(reverse("certificates:mine"))
    expect(page.get_by_text(renewed.display_code)).to_be_visible()
    page.goto(reverse("continuing:log"))
    check_screen(page, "log-with-session")


def test_the_coordinator_takes_attendance_and_a_member_keeps_case_notes(
    new_page, live_server, check_screen, certified
):
    coordinator = UserFactory(display_name="Cor Coördinator")
    EnrolmentFactory(learner=coordinator)
    user_email_mark_verified(coordinator)
    member = certified.learner
    group = IntervisionGroup.objects.create(name="Intervisie West", coordinator=coordinator)
    group.members.add(member)
    meeting = IntervisionMeeting.objects.create(
        group=group,
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        duration_minutes=120,
        place="Buurthuis De Linde, Zwolle",
    )

    page = sign_in(new_page, live_server, coordinator, reverse("continuing:intervision"))
    check_screen(page, "intervision")
    page.get_by_role("link", name="Intervisie West").click()
    check_screen(page, "meeting-coordinator")
    page.get_by_label("Fatima Facilitator").check()
    page.get_by_role("button", name=nl("Save attendance")).click()
    expect(page.get_by_text(re.compile("aanwezig"))).to_be_visible()
    assert IntervisionAttendance.objects.get(meeting=meeting, facilitator=member).present

    page_m = sign_in(
        new_page, live_server, member, reverse("continuing:meeting", args=[meeting.public_id])
    )
    page_m.get_by_label(nl("The case I brought")).fill(
        "Een deelnemer wilde na de groep met me mee naar huis."
    )
    page_m.get_by_label(nl("What I take home")).fill("Vooraf afspreken waar mijn rol ophoudt.")
    page_m.get_by_role("button", name=nl("Save my notes")).click()
    expect(page_m.get_by_text(nl("Your case notes are saved."))).to_be_visible()
    expect(page_m.get_by_text("Vooraf afspreken waar mijn rol ophoudt.")).to_be_visible()
    check_screen(page_m, "meeting-member")
    # The member changes the notes later.
    page_m.get_by_role("link", name=re.compile(nl("Change your notes"))).click()
    check_screen(page_m, "case-edit")
    page_m.get_by_label(nl("What I take home")).fill(
        "Vooraf afspreken waar mijn rol ophoudt, en dat ook zeggen."
    )
    page_m.get_by_role("button", name=nl("Save my notes")).click()
    expect(page_m.get_by_text("en dat ook zeggen.")).to_be_visible()
    # Not shared: the coordinator does not see the notes.
    page.reload()
    expect(page.get_by_text("mee naar huis")).to_have_count(0)


def test_an_older_tab_does_not_overwrite_a_session_and_shows_both_texts(
    new_page, live_server, check_screen, certified
):
    import uuid

    from tests.continuing.test_practice_log import session_fields
    from training.continuing import services as continuing
    from training.continuing.models import PracticeSession

    facilitator = certified.learner
    session, _ = continuing.practice_session_create(
        facilitator=facilitator, client_id=uuid.uuid4(), **session_fields()
    )
    url = reverse("continuing:session_edit", args=[session.public_id])
    laptop = sign_in(new_page, live_server, facilitator, url)
    phone = laptop.context.new_page()
    phone.goto(url)
    phone.get_by_label(nl("A moment of listening")).fill("Vanaf mijn telefoon: de stilte.")
    phone.get_by_role("button", name=nl("Save")).click()
    expect(phone.get_by_text(nl("Your changes are saved."))).to_be_visible()

    laptop.get_by_label(nl("A moment of listening")).fill("Vanaf de laptop: iets anders.")
    laptop.get_by_role("button", name=nl("Save")).click()

    expect(laptop.get_by_role("heading", name=nl("The version saved elsewhere"))).to_be_visible()
    expect(laptop.get_by_label(nl("A moment of listening"))).to_have_value(
        "Vanaf de laptop: iets anders."
    )
    check_screen(laptop, "session-conflict")
    session.refresh_from_db()
    assert session.listening_moment == "Vanaf mijn telefoon: de stilte."
    laptop.get_by_role("button", name=nl("Save")).click()  # the writer's choice
    expect(laptop.get_by_text(nl("Your changes are saved."))).to_be_visible()
    assert (
        PracticeSession.objects.get(pk=session.pk).listening_moment
        == "Vanaf de laptop: iets anders."
    )
