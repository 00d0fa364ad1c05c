"""Association staff get an email when a facilitator's certificate will expire within the
reminder window, and when one was revoked: once each, names only, never a reason."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.factories import (
    AssociationFactory,
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
)
from training.associations.digests import (
    association_digests_send,
    association_revocation_notify,
)
from training.associations.models import AssociationMembership
from training.certificates import services
from training.certificates.models import AssociationNotice

pytestmark = pytest.mark.django_db

REASON = "Persoonlijke omstandigheden van de deelnemer"


@pytest.fixture
def staff():
    return [UserFactory(email="beheer@example.org"), UserFactory(email="staf@example.org")]


@pytest.fixture
def association(staff):
    association = AssociationFactory(name="Vereniging Samen Sterk", admins=staff[:1])
    association.staff.add(staff[1])
    return association


def certificate_for(association, name, days_left):
    today = timezone.localdate()
    learner = UserFactory(display_name=name)
    cohort = CohortFactory(association=association)
    return CertificateFactory(
        enrolment=EnrolmentFactory(learner=learner, cohort=cohort),
        issued_on=today - datetime.timedelta(days=1000),
        valid_until=today + datetime.timedelta(days=days_left),
    )


def test_the_digest_lists_expiring_certificates_once_per_staff_member(association, settings):
    settings.CERTIFICATE_REMINDER_DAYS = [90, 30]
    soon = certificate_for(association, "Bijna Bas", days_left=40)
    certificate_for(association, "Later Lotte", days_left=200)
    certificate_for(AssociationFactory(), "Ander Anton", days_left=10)  # not theirs, no staff

    assert association_digests_send() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["beheer@example.org", "staf@example.org"]
    body = mail.outbox[0].body
    assert "Bijna Bas" in body and soon.course_title in body
    assert "Later Lotte" not in body and "Ander Anton" not in body
    assert "Vereniging Samen Sterk" in mail.outbox[0].subject

    assert association_digests_send() == 0  # each certificate once
    assert len(mail.outbox) == 2
    certificate_for(association, "Nieuw Nora", days_left=20)
    assert association_digests_send() == 2
    assert "Nieuw Nora" in mail.outbox[-1].body and "Bijna Bas" not in mail.outbox[-1].body


def test_linked_facilitators_are_included_and_the_command_runs_the_digest(association):
    member = UserFactory(display_name="Lid Lars")
    AssociationMembership.objects.create(association=association, learner=member)
    today = timezone.localdate()
    CertificateFactory(
        enrolment__learner=member,
        issued_on=today - datetime.timedelta(days=1000),
        valid_until=today + datetime.timedelta(days=5),
    )
    call_command("association_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2 and "Lid Lars" in mail.outbox[0].body
    assert AssociationNotice.objects.count() == 1


def test_a_revocation_is_announced_after_it_commits_without_the_reason(
    association, django_capture_on_commit_callbacks
):
    certificate = certificate_for(association, "Ingetrokken Iris", days_left=500)
    admin = UserFactory(is_superuser=True, is_staff=True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.certificate_revoke(certificate=certificate, user=admin, reason=REASON)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 2
    body = mail.outbox[0].body
    assert "Ingetrokken Iris" in body and certificate.display_code in body
    assert REASON not in body and "omstandigheden" not in body

    assert association_revocation_notify(certificate=certificate) == 0  # once
    assert association_digests_send() == 0  # the daily run owes nothing either


def test_the_daily_run_sends_a_revocation_notice_the_task_missed(association):
    certificate = certificate_for(association, "Gemist Gerrit", days_left=500)
    services.certificate_revoke(
        certificate=certificate, user=TrainerFactory(is_superuser=True), reason=REASON
    )  # no on_commit here: the test transaction never commits, as if the task was lost
    assert mail.outbox == []
    assert association_digests_send() == 2
    assert "Gemist Gerrit" in mail.outbox[0].body and REASON not in mail.outbox[0].body


def test_an_association_that_does_not_see_the_certificate_is_not_told(association):
    other = AssociationFactory(admins=[UserFactory(email="ander@example.org")])
    certificate = certificate_for(association, "Iris", days_left=500)
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = REASON
    certificate.save()
    association_revocation_notify(certificate=certificate)
    assert "ander@example.org" not in [m.to[0] for m in mail.outbox]
    assert not AssociationNotice.objects.filter(association=other).exists()
