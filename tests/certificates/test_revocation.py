"""Revoking and un-revoking: a trainer of the cohort or an admin, with a reason, in the audit log."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import CertificateFactory, TrainerFactory, UserFactory, login_with_mfa
from training.certificates import services
from training.certificates.actions import CertificateRevokeAction, CertificateUnrevokeAction

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    return CertificateFactory()


def test_a_trainer_revokes_with_a_reason_and_the_audit_log_records_who_when_why(certificate):
    trainer = certificate.cohort.trainers.get()
    CertificateRevokeAction(certificate, user=trainer, reason="  Fraude.  ").execute()
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == trainer
    assert certificate.revoked_reason == "Fraude."
    entry = ModelLogEntry.objects.for_instance(certificate).get(action="certificates.revoke")
    assert entry.user == trainer and entry.data == {"reason": "Fraude."}
    assert entry.timestamp is not None


def test_undoing_a_revocation_needs_a_reason_and_is_logged(certificate):
    trainer = certificate.cohort.trainers.get()
    CertificateRevokeAction(certificate, user=trainer, reason="Vergissing?").execute()
    with pytest.raises(services.ReasonRequired):
        CertificateUnrevokeAction(certificate, user=trainer, reason=" ").execute()
    assert not ModelLogEntry.objects.for_instance(certificate).filter(
        action="certificates.unrevoke"
    )
    CertificateUnrevokeAction(
        certificate, user=trainer, reason="Toch terecht uitgegeven."
    ).execute()
    certificate.refresh_from_db()
    assert certificate.status == "valid" and certificate.revoked_reason == ""
    entry = ModelLogEntry.objects.for_instance(certificate).get(action="certificates.unrevoke")
    assert entry.data == {"reason": "Toch terecht uitgegeven.", "revocation_reason": "Vergissing?"}


def test_a_reason_is_required_and_revoking_twice_is_refused(certificate):
    trainer = certificate.cohort.trainers.get()
    with pytest.raises(services.ReasonRequired):
        services.certificate_revoke(certificate=certificate, user=trainer, reason="")
    services.certificate_revoke(certificate=certificate, user=trainer, reason="Reden")
    with pytest.raises(services.AlreadyRevoked):
        services.certificate_revoke(certificate=certificate, user=trainer, reason="Nog eens")


def test_only_the_cohorts_trainers_and_admins_may_revoke(certificate):
    for outsider in (TrainerFactory(), UserFactory(), certificate.learner):
        with pytest.raises(PermissionDenied):
            CertificateRevokeAction(certificate, user=outsider, reason="Nee").execute()
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    assert not ModelLogEntry.objects.for_instance(certificate).filter(action="certificates.revoke")
    admin = UserFactory(is_superuser=True, is_staff=True)
    CertificateRevokeAction(certificate, user=admin, reason="Beheer").execute()
    certificate.refresh_from_db()
    assert certificate.is_revoked


def test_revoking_from_the_admin(client, certificate):
    trainer = certificate.cohort.trainers.get()
    login_with_mfa(client, trainer)
    url = reverse("certificates_admin:revoke", args=[certificate.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    response = client.post(url, {"reason": "Dubbel uitgegeven."})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Dubbel uitgegeven."
    detail = client.get(reverse("certificates_admin:inspect", args=[certificate.pk]))
    assert "Dubbel uitgegeven." in detail.content.decode()

    client.post(reverse("certificates_admin:unrevoke", args=[certificate.pk]), {"reason": "Fout"})
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_another_trainers_certificate_is_a_404_in_the_admin(client, certificate):
    login_with_mfa(client, TrainerFactory())
    for name in ("inspect", "history", "revoke", "pdf"):
        method = client.post if name == "revoke" else client.get
        response = method(
            reverse(f"certificates_admin:{name}", args=[certificate.pk]), {"reason": "x"}
        )
        assert response.status_code == 404
    certificate.refresh_from_db()
    assert not certificate.is_revoked
