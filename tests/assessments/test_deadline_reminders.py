"""Reminders before a deadline go to those who still owe something, once each."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tests.factories import PeerReviewFactory, reflection_cohort, submitted_reflection
from training.assessments.models import DeadlineKind, DeadlineReminder
from training.assessments.reflections import deadlines

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
DUE = datetime.date(2026, 6, 10)


@pytest.fixture
def setup(settings):
    settings.DEADLINE_REMINDER_DAYS = [3, 1]
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=AMSTERDAM), tick=False):
        assignment, (done, owing, third) = reflection_cohort(
            learners=3, submission_due_on=DUE, review_due_on=DUE
        )
        reflection = submitted_reflection(enrolment=done, assignment=assignment)
    mail.outbox.clear()
    return assignment, done, owing, third, reflection


def send(day):
    return deadlines.deadline_reminders_send(today=day)


def test_nothing_is_sent_before_the_first_threshold(setup):
    assert send(DUE - datetime.timedelta(days=4)) == 0
    assert mail.outbox == []


def test_those_who_have_not_submitted_are_reminded_three_days_before(setup):
    assignment, done, owing, third, reflection = setup

    sent = send(DUE - datetime.timedelta(days=3))

    recipients = sorted(m.to[0] for m in mail.outbox)
    # `done` submitted but still owes two reviews: one reminder about feedback.
    assert sent == 3
    assert recipients == sorted([done.learner.email, owing.learner.email, third.learner.email])
    submission_mails = [m for m in mail.outbox if "reflectie" in m.subject]
    assert {m.to[0] for m in submission_mails} == {owing.learner.email, third.learner.email}


def test_each_reminder_goes_out_once(setup):
    day = DUE - datetime.timedelta(days=3)
    send(day)
    mail.outbox.clear()

    assert send(day) == 0
    assert send(day + datetime.timedelta(days=1)) == 0  # two days before: no threshold
    assert send(DUE - datetime.timedelta(days=1)) == 3  # the next threshold
    assert DeadlineReminder.objects.filter(days_before=1).count() == 3


def test_a_late_run_sends_one_email_and_records_every_threshold_passed(setup):
    assignment, done, owing, third, reflection = setup

    send(DUE - datetime.timedelta(days=1))

    assert len([m for m in mail.outbox if m.to == [owing.learner.email]]) == 1
    assert set(
        DeadlineReminder.objects.filter(enrolment=owing).values_list("days_before", flat=True)
    ) == {1, 3}


def test_a_learner_who_gave_all_feedback_gets_no_review_reminder(setup):
    assignment, done, owing, third, reflection = setup
    with time_machine.travel(datetime.datetime(2026, 6, 2, 12, tzinfo=AMSTERDAM), tick=False):
        for enrolment in (owing, third):
            other = submitted_reflection(enrolment=enrolment, assignment=assignment)
            PeerReviewFactory(submission=other, reviewer=done.learner)

    send(DUE - datetime.timedelta(days=3))

    assert done.learner.email not in [m.to[0] for m in mail.outbox]


def test_an_extension_moves_the_reminder(setup):
    assignment, done, owing, third, reflection = setup
    later = DUE + datetime.timedelta(days=10)
    deadlines.deadline_extend(
        enrolment=owing,
        assignment=assignment,
        kind=DeadlineKind.SUBMISSION,
        until=later,
        granted_by=owing.cohort.trainers.get(),
    )

    send(DUE - datetime.timedelta(days=3))
    assert owing.learner.email not in [m.to[0] for m in mail.outbox]

    send(later - datetime.timedelta(days=3))
    assert [m.to for m in mail.outbox if m.to == [owing.learner.email]] == [[owing.learner.email]]


def test_the_email_names_the_assignment_and_date_but_no_reflection_text(setup):
    assignment, done, owing, third, reflection = setup

    send(DUE - datetime.timedelta(days=3))

    texts = [m.subject + m.body for m in mail.outbox]
    assert all(reflection.latest_version().text[:40] not in text for text in texts)
    owing_mail = next(m for m in mail.outbox if m.to == [owing.learner.email])
    assert assignment.title in owing_mail.body
    assert "10 juni 2026" in owing_mail.body
    assert "http://testserver/" in owing_mail.body


def test_learners_who_left_get_nothing(setup):
    assignment, done, owing, third, reflection = setup
    owing.status = "left"
    owing.save()

    send(DUE - datetime.timedelta(days=3))

    assert owing.learner.email not in [m.to[0] for m in mail.outbox]


def test_the_management_command_sends_the_reminders_due_today(setup, capsys):
    with time_machine.travel(datetime.datetime(2026, 6, 7, 9, tzinfo=AMSTERDAM), tick=False):
        call_command("deadline_reminders")
    assert "Deadline reminders sent: 3." in capsys.readouterr().out
