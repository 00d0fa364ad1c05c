"""Trainer writes on certificates as actions: refused outside the policy, one entry each."""

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from tests.factories import (
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
)
from training.certificates import services
from training.certificates.actions import (
    CertificateRevokeAction,
    CertificateUnrevokeAction,
    TrainerSignoffAction,
)
from training.certificates.models import TrainerSignoff

pytestmark = pytest.mark.django_db


def entries(instance, action):
    return list(ModelLogEntry.objects.for_instance(instance).filter(action=action))


def test_revoke_then_undo_leave_one_entry_each():
    certificate = CertificateFactory()
    trainer = certificate.cohort.trainers.get()
    CertificateRevokeAction(certificate, user=trainer, reason="Dubbel").execute()
    CertificateUnrevokeAction(certificate, user=trainer, reason="Toch goed").execute()
    [revoke] = entries(certificate, "certificates.revoke")
    [undo] = entries(certificate, "certificates.unrevoke")
    assert revoke.user == undo.user == trainer
    assert undo.data == {"reason": "Toch goed", "revocation_reason": "Dubbel"}


def test_a_failed_revocation_changes_nothing_and_logs_nothing():
    certificate = CertificateFactory()
    trainer = certificate.cohort.trainers.get()
    CertificateRevokeAction(certificate, user=trainer, reason="Eerste").execute()
    with pytest.raises(services.AlreadyRevoked):
        CertificateRevokeAction(certificate, user=trainer, reason="Tweede").execute()
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Eerste"
    assert len(entries(certificate, "certificates.revoke")) == 1


def test_undo_is_refused_to_another_trainer():
    certificate = CertificateFactory()
    CertificateRevokeAction(
        certificate, user=certificate.cohort.trainers.get(), reason="Reden"
    ).execute()
    with pytest.raises(PermissionDenied):
        CertificateUnrevokeAction(certificate, user=TrainerFactory(), reason="Nee").execute()
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert not entries(certificate, "certificates.unrevoke")


@pytest.fixture
def signoff_enrolment(course):
    course.require_trainer_signoff = True
    course.save()
    trainer = TrainerFactory()
    return EnrolmentFactory(cohort=CohortFactory(course=course, trainers=[trainer]))


def test_signing_off_leaves_one_entry_on_the_enrolment(signoff_enrolment):
    trainer = signoff_enrolment.cohort.trainers.get()
    TrainerSignoffAction(signoff_enrolment, user=trainer).execute()
    assert TrainerSignoff.objects.get(enrolment=signoff_enrolment).signed_by == trainer
    [entry] = entries(signoff_enrolment, "certificates.signoff")
    assert entry.user == trainer and entry.data == {}


@pytest.mark.parametrize("who", ["other_trainer", "learner", "staff"])
def test_signing_off_is_refused_outside_the_policy(signoff_enrolment, who):
    user = {
        "other_trainer": TrainerFactory,
        "learner": lambda: signoff_enrolment.learner,
        "staff": lambda: UserFactory(is_staff=True),
    }[who]()
    with pytest.raises(PermissionDenied):
        TrainerSignoffAction(signoff_enrolment, user=user).execute()
    assert not TrainerSignoff.objects.exists()
    assert not entries(signoff_enrolment, "certificates.signoff")
