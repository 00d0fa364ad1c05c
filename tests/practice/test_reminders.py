"""Meeting invitations (.ics attached) and reminders: once per member, kind and time."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError

from tests.conftest import WEDNESDAY_NOON
from tests.practice.test_services import formed_group
from training.practice import services
from training.practice.models import MeetingReminder
from training.practice.reminders import meeting_reminders_due, meeting_reminders_send
from training.practice.tasks import meeting_reminders_task

pytestmark = pytest.mark.django_db

Kind = MeetingReminder.Kind

# A Wednesday noon: the group's Monday-evening slot is five days away, so setting the
# meeting records only the invitation. From a Monday afternoon the slot is hours away,
# the day-before reminder is already due when the meeting is set and the tests' "day
# before" found nothing left to send (the suite was red on Monday afternoons).


@pytest.fixture(autouse=True)
def _clock(pinned_clock):
    pinned_clock(WEDNESDAY_NOON)


def meeting_set(activity, learners, capture, place="https://meet.jit.si/oefengroep-7"):
    group = formed_group(activity, learners)
    [start, *_rest] = services.meeting_choices(group=group)
    with capture(execute=True):
        services.practice_meeting_set(group=group, meeting_at=start, meeting_place=place)
    group.refresh_from_db()
    return group


def test_setting_the_meeting_sends_each_member_an_invitation_with_the_ics(
    activity, learners, django_capture_on_commit_callbacks
):
    group = meeting_set(activity, learners, django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.learner.email for e in learners)
    message = mail.outbox[0]
    [(filename, content, mimetype)] = message.attachments
    assert filename == "oefengroep.ics" and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in content.decode() if isinstance(content, bytes) else content
    assert activity.title in message.subject
    assert "https://meet.jit.si/oefengroep-7" in message.body
    assert str(group.public_id) in message.body
    assert "Hallo" in message.body  # Dutch by default
    others = [e.learner.display_name for e in learners if e.learner.email != message.to[0]]
    assert not any(name in message.body for name in others)  # nobody else's name
    assert MeetingReminder.objects.filter(kind=Kind.INVITATION).count() == 3


def test_running_the_job_twice_sends_one_email_each(
    activity, learners, django_capture_on_commit_callbacks
):
    group = meeting_set(activity, learners, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    day_before = group.meeting_at - datetime.timedelta(hours=20)

    assert meeting_reminders_send(now=day_before) == 3
    assert meeting_reminders_send(now=day_before) == 0
    meeting_reminders_task.enqueue()  # the periodic job's own task, a second worker
    assert len(mail.outbox) == 3
    assert all("Morgen" in m.subject for m in mail.outbox)
    assert not any(m.attachments for m in mail.outbox)


def test_the_hour_before_reminder_follows_and_nothing_after_the_meeting(
    activity, learners, django_capture_on_commit_callbacks
):
    group = meeting_set(activity, learners, django_capture_on_commit_callbacks)
    meeting_reminders_send(now=group.meeting_at - datetime.timedelta(hours=20))
    mail.outbox.clear()

    assert meeting_reminders_send(now=group.meeting_at - datetime.timedelta(minutes=50)) == 3
    assert all("Over een uur" in m.subject for m in mail.outbox)
    assert meeting_reminders_send(now=group.meeting_at + datetime.timedelta(minutes=5)) == 0


def test_several_due_at_once_send_one_email_and_record_them_all(
    activity, learners, django_capture_on_commit_callbacks
):
    group = formed_group(activity, learners)
    [start, *_rest] = services.meeting_choices(group=group)
    services.practice_meeting_set(group=group, meeting_at=start, meeting_place="Buurthuis")
    # The on-commit invitation did not run (no capture); the job runs 30 minutes before.
    assert meeting_reminders_send(now=start - datetime.timedelta(minutes=30)) == 3
    assert len(mail.outbox) == 3 and all(m.attachments for m in mail.outbox)
    assert MeetingReminder.objects.count() == 9
    assert meeting_reminders_send(now=start - datetime.timedelta(minutes=20)) == 0


def test_rescheduling_resets_the_reminders(activity, learners, django_capture_on_commit_callbacks):
    group = meeting_set(activity, learners, django_capture_on_commit_callbacks)
    meeting_reminders_send(now=group.meeting_at - datetime.timedelta(hours=20))
    mail.outbox.clear()
    later = services.meeting_choices(group=group)[1]

    with django_capture_on_commit_callbacks(execute=True):
        services.practice_meeting_set(group=group, meeting_at=later, meeting_place="Buurthuis")

    assert len(mail.outbox) == 3 and all(m.attachments for m in mail.outbox)
    assert set(MeetingReminder.objects.values_list("meeting_at", flat=True)) == {later}
    mail.outbox.clear()
    assert meeting_reminders_send(now=later - datetime.timedelta(hours=20)) == 3


def test_saving_the_same_meeting_again_sends_nothing_new(
    activity, learners, django_capture_on_commit_callbacks
):
    group = meeting_set(activity, learners, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_meeting_set(
            group=group, meeting_at=group.meeting_at, meeting_place=group.meeting_place
        )
    assert mail.outbox == []


def test_a_learner_who_left_gets_no_reminder(
    activity, learners, django_capture_on_commit_callbacks
):
    group = meeting_set(activity, learners, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    learners[0].status = learners[0].Status.LEFT
    learners[0].save()

    assert meeting_reminders_send(now=group.meeting_at - datetime.timedelta(hours=2)) == 2
    assert meeting_reminders_send(now=group.meeting_at - datetime.timedelta(minutes=30)) == 2
    assert len(mail.outbox) == 4
    assert learners[0].learner.email not in {m.to[0] for m in mail.outbox}


def test_the_database_refuses_a_second_reminder_of_a_kind(
    activity, learners, django_capture_on_commit_callbacks
):
    group = meeting_set(activity, learners, django_capture_on_commit_callbacks)
    member = group.members.first()
    with pytest.raises(IntegrityError):
        MeetingReminder.objects.create(
            member=member, kind=Kind.INVITATION, meeting_at=group.meeting_at
        )


def test_the_email_is_in_the_learners_language(
    activity, learners, django_capture_on_commit_callbacks
):
    for enrolment in learners:
        enrolment.learner.preferred_language = "en"
        enrolment.learner.save()
    meeting_set(activity, learners, django_capture_on_commit_callbacks)
    assert all(m.body.startswith("Hello") for m in mail.outbox)


def test_which_kinds_are_due():
    meeting = datetime.datetime(2026, 3, 2, 19, tzinfo=datetime.UTC)
    hours = datetime.timedelta(hours=1)
    assert meeting_reminders_due(meeting_at=meeting, now=meeting - 30 * hours, done=set()) == [
        Kind.INVITATION
    ]
    assert meeting_reminders_due(
        meeting_at=meeting, now=meeting - 2 * hours, done={Kind.INVITATION}
    ) == [Kind.DAY_BEFORE]
    assert meeting_reminders_due(
        meeting_at=meeting, now=meeting - hours / 2, done={Kind.INVITATION}
    ) == [Kind.HOUR_BEFORE, Kind.DAY_BEFORE]
    assert meeting_reminders_due(meeting_at=meeting, now=meeting, done=set()) == []


def test_a_trainer_who_joined_a_group_gets_the_invitation_and_reminders(
    activity, learners, django_capture_on_commit_callbacks
):
    """A trainer who completes a group takes part in its meeting like any member: the
    invitation with the calendar file, the reminders, and the group page's link."""
    from tests.practice.test_services import opt_in_all

    opt_in_all(activity, learners[:2])
    cohort = learners[0].cohort
    trainer = cohort.trainers.first()
    group = services.practice_group_with_trainer_form(
        activity=activity, cohort=cohort, trainer=trainer
    )
    mail.outbox.clear()
    [start, *_rest] = services.meeting_choices(group=group)
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_meeting_set(group=group, meeting_at=start, meeting_place="Buurthuis")
    group.refresh_from_db()

    invited = sorted(m.to[0] for m in mail.outbox)
    assert invited == sorted([learners[0].learner.email, learners[1].learner.email, trainer.email])
    to_trainer = next(m for m in mail.outbox if m.to[0] == trainer.email)
    assert to_trainer.attachments and str(group.public_id) in to_trainer.body

    mail.outbox.clear()
    assert meeting_reminders_send(now=group.meeting_at - datetime.timedelta(hours=20)) == 3
    assert trainer.email in {m.to[0] for m in mail.outbox}

    trainer.is_active = False
    trainer.save(update_fields=["is_active"])
    mail.outbox.clear()
    assert meeting_reminders_send(now=group.meeting_at - datetime.timedelta(minutes=50)) == 2
