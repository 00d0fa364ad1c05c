"""Expiry: certificates turn 'expired' (never deleted); holders are reminded at 90 and 30 days."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tests.factories import CertificateFactory
from training.certificates import services
from training.certificates.models import Certificate, CertificateStatus, ExpiryReminder

pytestmark = pytest.mark.django_db

EXPIRES = datetime.date(2029, 6, 30)


@pytest.fixture
def certificate():
    return CertificateFactory(issued_on=datetime.date(2026, 6, 30), valid_until=EXPIRES)


def on(day):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(7)), tick=False)


def days_before(days):
    return EXPIRES - datetime.timedelta(days=days)


def test_one_reminder_per_threshold_however_often_the_job_runs(certificate):
    with on(days_before(91)):
        assert services.certificate_reminders_send() == 0
    with on(days_before(90)):
        assert services.certificate_reminders_send() == 1
        assert services.certificate_reminders_send() == 0
    with on(days_before(45)):
        assert services.certificate_reminders_send() == 0
    with on(days_before(30)):
        call_command("certificate_reminders", stdout=io.StringIO())
        assert services.certificate_reminders_send() == 0
    assert len(mail.outbox) == 2
    assert [m.to for m in mail.outbox] == [[certificate.learner.email]] * 2
    assert set(ExpiryReminder.objects.values_list("days_before", flat=True)) == {90, 30}


def test_a_missed_threshold_sends_one_email_and_records_both(certificate):
    with on(days_before(20)):
        assert services.certificate_reminders_send() == 1
        assert services.certificate_reminders_send() == 0
    assert len(mail.outbox) == 1
    assert "20" in mail.outbox[0].body
    assert ExpiryReminder.objects.count() == 2


def test_the_thresholds_are_configurable(certificate, settings):
    settings.CERTIFICATE_REMINDER_DAYS = [14]
    with on(days_before(30)):
        assert services.certificate_reminders_send() == 0
    with on(days_before(14)):
        assert services.certificate_reminders_send() == 1


def test_revoked_superseded_and_expired_certificates_get_no_reminder(certificate):
    trainer = certificate.cohort.trainers.get()
    services.certificate_revoke(certificate=certificate, user=trainer, reason="Reden")
    newer = CertificateFactory(enrolment=certificate.enrolment, period=2, valid_until=EXPIRES)
    old = CertificateFactory(period=1, valid_until=EXPIRES)
    Certificate.objects.filter(pk=old.pk).update(superseded_by=newer)
    gone = CertificateFactory(valid_until=days_before(100))
    with on(days_before(30)):
        assert services.certificate_reminders_send() == 1  # only `newer`
        assert gone.status_on() == CertificateStatus.EXPIRED
    assert mail.outbox[0].to == [newer.learner.email]


def test_expired_certificates_stay_and_show_as_expired(certificate):
    with on(EXPIRES):
        assert certificate.status_on() == CertificateStatus.VALID
        assert certificate.expires_soon()
    with on(EXPIRES + datetime.timedelta(days=1)):
        assert certificate.status_on() == CertificateStatus.EXPIRED
        assert Certificate.objects.filter(pk=certificate.pk).exists()
