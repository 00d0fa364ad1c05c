import datetime
import uuid
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.factories import CertificateFactory, EnrolmentFactory, login_with_mfa
from training.certificates.models import Certificate
from training.continuing import selectors, services
from training.continuing.models import (
    ExternalActivity,
    IntervisionGroup,
    IntervisionMeeting,
    RenewalRule,
)

from .test_practice_log import session_fields

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def certificate(db):
    issued = timezone.localdate() - datetime.timedelta(days=400)
    certificate = CertificateFactory(issued_on=issued)
    RenewalRule.objects.create(
        qualification=certificate.qualification,
        hours=6,
        boundary_hours=1,
        intervision_hours=2,
        practice_cap_hours=2,
    )
    return certificate


def meeting_for(certificate, *, coordinator, days_ago=30, minutes=120):
    group = IntervisionGroup.objects.create(name="Intervisie Noord", coordinator=coordinator)
    group.members.add(certificate.learner)
    return IntervisionMeeting.objects.create(
        group=group,
        starts_at=timezone.now() - datetime.timedelta(days=days_ago),
        duration_minutes=minutes,
    )


def proof():
    return SimpleUploadedFile("bewijs.pdf", PDF, content_type="application/pdf")


def test_progress_counts_each_source_and_caps_practice(certificate):
    facilitator = certificate.learner
    coordinator = EnrolmentFactory().learner
    meeting = meeting_for(certificate, coordinator=coordinator)
    services.attendance_take(meeting=meeting, coordinator=coordinator, present_ids={facilitator.pk})
    for _ in range(3):  # 4.5 hours of practice, capped at 2
        services.practice_session_create(
            facilitator=facilitator,
            client_id=uuid.uuid4(),
            **session_fields(held_on=timezone.localdate() - datetime.timedelta(days=10)),
        )
    services.external_activity_add(
        facilitator=facilitator,
        client_id=uuid.uuid4(),
        proof=proof(),
        title="Studiedag rouw",
        done_on=timezone.localdate() - datetime.timedelta(days=5),
        hours=Decimal("1.5"),
        on_boundaries=True,
    )
    progress = selectors.renewal_progress(certificate=certificate)
    assert progress.intervision_hours == 2
    assert progress.practice_hours == 2
    # The external activity waits for a trainer: listed, not counted.
    assert progress.hours == 4 and progress.boundary_hours == 0
    assert progress.missing_hours == 2 and progress.missing_boundary_hours == 1
    assert not progress.is_met
    assert [line.kind for line in progress.lines if not line.counted] == ["external"]


def test_meeting_the_rule_renews_without_a_refresher_course(
    certificate, client, django_capture_on_commit_callbacks
):
    """The whole journey of issue 13 at service level: log, attend, add, confirm, renewed."""
    facilitator = certificate.learner
    trainer = certificate.cohort.trainers.get()
    coordinator = EnrolmentFactory().learner
    meeting = meeting_for(certificate, coordinator=coordinator, minutes=150)
    with django_capture_on_commit_callbacks(execute=True):
        services.attendance_take(
            meeting=meeting, coordinator=coordinator, present_ids={facilitator.pk}
        )
        services.practice_session_create(
            facilitator=facilitator,
            client_id=uuid.uuid4(),
            **session_fields(
                held_on=timezone.localdate() - datetime.timedelta(days=3), duration_minutes=180
            ),
        )
        activity = services.external_activity_add(
            facilitator=facilitator,
            client_id=uuid.uuid4(),
            proof=proof(),
            title="Cursus grenzen stellen",
            done_on=timezone.localdate() - datetime.timedelta(days=2),
            hours=Decimal("2"),
            on_boundaries=True,
        )
    assert Certificate.objects.filter(learner=facilitator).count() == 1

    login_with_mfa(client, trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("external_activities:decide", args=[activity.pk]), {"decision": "confirm"}
        )
    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(action="continuing.activity_confirm").count() == 1
    renewed = Certificate.objects.get(learner=facilitator, period=certificate.period + 1)
    certificate.refresh_from_db()
    assert certificate.superseded_by == renewed
    assert renewed.issued_on == timezone.localdate()
    # Evaluating again issues nothing more.
    assert services.renewals_evaluate(user_ids=[facilitator.pk]) == 0
    assert Certificate.objects.filter(learner=facilitator).count() == 2


def test_only_the_coordinator_takes_attendance(certificate):
    from training.continuing import errors

    coordinator = EnrolmentFactory().learner
    meeting = meeting_for(certificate, coordinator=coordinator)
    with pytest.raises(errors.NotYourGroup):
        services.attendance_take(
            meeting=meeting, coordinator=certificate.learner, present_ids={certificate.learner.pk}
        )


def test_the_facilitator_sees_what_is_still_missing(certificate, client):
    client.force_login(certificate.learner)
    body = client.get(reverse("continuing:education")).content.decode()
    assert "Nog 6 uur te gaan, waarvan 2 intervisie en 1 over grenzen." in body


def test_a_proof_must_be_a_pdf_or_image(client, certificate):
    client.force_login(certificate.learner)
    response = client.post(
        reverse("continuing:activity_new"),
        {
            "client_id": str(uuid.uuid4()),
            "title": "Studiedag",
            "done_on": "2026-11-01",
            "hours": "2",
            "proof": SimpleUploadedFile("x.pdf", b"MZ not a pdf", content_type="application/pdf"),
        },
    )
    assert response.status_code == 200
    assert "Upload een pdf-, jpg- of png-bestand." in response.content.decode()
    assert "Studiedag" in response.content.decode()
    assert not ExternalActivity.objects.exists()


def test_a_proof_is_downloadable_by_its_owner_and_their_trainer_only(certificate, client):
    activity = services.external_activity_add(
        facilitator=certificate.learner,
        client_id=uuid.uuid4(),
        proof=proof(),
        title="Studiedag",
        done_on=timezone.localdate(),
        hours=Decimal("1"),
        on_boundaries=False,
    )
    other = EnrolmentFactory().learner
    client.force_login(other)
    assert (
        client.get(reverse("continuing:activity_proof", args=[activity.public_id])).status_code
        == 404
    )
    client.force_login(certificate.learner)
    response = client.get(reverse("continuing:activity_proof", args=[activity.public_id]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    client.logout()
    login_with_mfa(client, certificate.cohort.trainers.get())
    assert client.get(reverse("external_activities:proof", args=[activity.pk])).status_code == 200
    from tests.factories import TrainerFactory

    client.logout()
    login_with_mfa(client, TrainerFactory())
    assert client.get(reverse("external_activities:proof", args=[activity.pk])).status_code == 404


def test_case_notes_follow_the_sharing_choice(certificate, client):
    coordinator = EnrolmentFactory().learner
    meeting = meeting_for(certificate, coordinator=coordinator)
    peer = EnrolmentFactory().learner
    meeting.group.members.add(peer)
    services.case_save(
        meeting=meeting,
        brought_by=certificate.learner,
        client_id=uuid.uuid4(),
        case="Een deelnemer belde me 's nachts.",
        shared_with_group=False,
    )
    client.force_login(peer)
    page = client.get(reverse("continuing:meeting", args=[meeting.public_id]))
    assert page.status_code == 200 and "belde me" not in page.content.decode()
    client.force_login(certificate.learner)
    assert (
        "belde me"
        in client.get(reverse("continuing:meeting", args=[meeting.public_id])).content.decode()
    )
    outsider = EnrolmentFactory().learner
    client.force_login(outsider)
    assert client.get(reverse("continuing:meeting", args=[meeting.public_id])).status_code == 404


def test_the_meeting_calendar_file(certificate, client):
    import icalendar

    meeting = meeting_for(certificate, coordinator=EnrolmentFactory().learner)
    client.force_login(certificate.learner)
    response = client.get(reverse("continuing:meeting_ics", args=[meeting.public_id]))
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Intervisie: Intervisie Noord"


def test_intervision_meetings_are_in_the_members_and_coordinators_feeds(certificate, client):
    import icalendar

    from training.accounts.services import calendar_feed_get_or_create

    coordinator = EnrolmentFactory().learner
    meeting = meeting_for(certificate, coordinator=coordinator, days_ago=-7)
    outsider = EnrolmentFactory().learner
    for user, expected in ((certificate.learner, True), (coordinator, True), (outsider, False)):
        feed = calendar_feed_get_or_create(user=user)
        content = client.get(reverse("calendar:feed", args=[feed.token])).content
        summaries = {
            str(event["summary"]): event
            for event in icalendar.Calendar.from_ical(content).walk("VEVENT")
        }
        assert ("Intervisie: Intervisie Noord" in summaries) is expected, user
        if expected:
            event = summaries["Intervisie: Intervisie Noord"]
            assert str(event["uid"]) == f"intervision-{meeting.public_id}@lotgenoot-academie"


def test_the_expiry_reminder_tells_how_far_renewal_is(certificate, mailoutbox):
    from training.certificates.services import certificate_reminders_send

    certificate.valid_until = timezone.localdate() + datetime.timedelta(days=20)
    certificate.save(update_fields=["valid_until"])

    assert certificate_reminders_send() == 1

    [mail] = mailoutbox
    assert "0% op weg, nog 6 uur te gaan" in mail.body
    assert "/nascholing/" in mail.body
    assert "Volg de cursus dan opnieuw" not in mail.body


def test_without_a_renewal_rule_the_reminder_says_to_take_the_course_again(db, mailoutbox):
    from training.certificates.services import certificate_reminders_send

    CertificateFactory(valid_until=timezone.localdate() + datetime.timedelta(days=20))

    assert certificate_reminders_send() == 1
    assert "/nascholing/" not in mailoutbox[0].body
