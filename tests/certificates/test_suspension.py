"""Suspending a certificate and lifting it: a trainer of the cohort, a reason class that
verification shows and a private reason it never shows, in the audit log; the
credential's suspension bit follows."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from tests.factories import CertificateFactory, TrainerFactory, login_with_mfa
from training.certificates.actions import (
    CertificateRevokeAction,
    CertificateSuspendAction,
    CertificateUnsuspendAction,
)
from training.certificates.models import Certificate, CertificateStatus
from training.certificates.services.errors import AlreadyRevoked, AlreadySuspended, NotSuspended

pytestmark = pytest.mark.django_db

PRIVATE = "Melding van een deelnemer over grensoverschrijdend gedrag"


@pytest.fixture
def certificate(settings, tmp_path):
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "keys")
    return CertificateFactory()


def _suspend(certificate, **kwargs):
    trainer = certificate.cohort.trainers.get()
    kwargs.setdefault("reason_class", "investigation")
    kwargs.setdefault("reason", PRIVATE)
    return CertificateSuspendAction(certificate, user=trainer, **kwargs).execute()


def test_a_trainer_suspends_and_lifts_and_the_audit_log_records_both(certificate):
    trainer = certificate.cohort.trainers.get()
    _suspend(certificate)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.SUSPENDED
    assert certificate.suspended_by == trainer and certificate.suspension_reason == PRIVATE
    entry = ModelLogEntry.objects.for_instance(certificate).get(action="certificates.suspend")
    assert entry.user == trainer
    assert entry.data == {"reason_class": "investigation", "reason": PRIVATE}

    with pytest.raises(AlreadySuspended):
        _suspend(certificate)
    CertificateUnsuspendAction(certificate, user=trainer).execute()
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID
    assert (certificate.suspension_class, certificate.suspension_reason) == ("", "")
    entry = ModelLogEntry.objects.for_instance(certificate).get(action="certificates.unsuspend")
    assert entry.data == {"reason_class": "investigation"}
    with pytest.raises(NotSuspended):
        CertificateUnsuspendAction(certificate, user=trainer).execute()


def test_only_the_cohorts_trainers_may_suspend(certificate):
    with pytest.raises(PermissionDenied):
        CertificateSuspendAction(
            certificate, user=TrainerFactory(), reason_class="administrative", reason="x"
        ).execute()
    certificate.refresh_from_db()
    assert not certificate.is_suspended


def test_the_database_refuses_a_suspension_without_class_or_reason(certificate):
    for values in (
        {"suspended_at": timezone.now(), "suspension_class": "", "suspension_reason": "x"},
        {"suspended_at": timezone.now(), "suspension_class": "investigation"},
        {"suspended_at": timezone.now(), "suspension_class": "made-up", "suspension_reason": "x"},
        {"suspension_class": "investigation", "suspension_reason": "x"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Certificate.objects.filter(pk=certificate.pk).update(**values)


def test_revoking_wins_and_a_revoked_certificate_cannot_be_suspended(certificate):
    trainer = certificate.cohort.trainers.get()
    _suspend(certificate)
    CertificateRevokeAction(certificate, user=trainer, reason="Ingetrokken").execute()
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    other = CertificateFactory()
    CertificateRevokeAction(other, user=other.cohort.trainers.get(), reason="x").execute()
    with pytest.raises(AlreadyRevoked):
        _suspend(other)


def test_verification_and_api_say_temporarily_suspended_with_the_class_never_the_text(
    client, certificate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _suspend(certificate)
    code = certificate.display_code
    html = client.get(f"/controleer/{code}/").content.decode()
    assert "Certificaat tijdelijk geschorst" in html
    assert "onderzoek naar een melding" in html
    assert PRIVATE not in html
    data = client.get(f"/api/v1/certificates/{code}").json()
    assert data["status"] == "suspended"
    assert data["suspension_reason_class"] == "investigation"
    assert data["suspension_reason_label"] == "onderzoek naar een melding"
    assert data["suspended_on"] == timezone.localdate().isoformat()
    assert PRIVATE not in json.dumps(data)

    # The credential's suspension bit follows, in the suspension status list.
    from training.credentials.models import Credential

    credential = Credential.objects.get(certificate=certificate)
    assert credential.suspended and not credential.revoked
    # The credential's one status entry is revocation (OB 3.0 allows one); the pause
    # is in the suspension status list.
    assert credential.document["credentialStatus"]["statusPurpose"] == "revocation"
    status_list = client.get(
        f"/credentials/status/{credential.suspension_list.number}",
        HTTP_ACCEPT="application/ld+json",
    ).json()
    assert status_list["credentialSubject"]["statusPurpose"] == "suspension"
    assert status_list["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"

    with django_capture_on_commit_callbacks(execute=True):
        CertificateUnsuspendAction(certificate, user=certificate.cohort.trainers.get()).execute()
    credential.refresh_from_db()
    assert not credential.suspended
    assert "tijdelijk geschorst" not in client.get(f"/controleer/{code}/").content.decode()


def test_suspending_and_lifting_from_the_admin(client, certificate):
    trainer = certificate.cohort.trainers.get()
    login_with_mfa(client, trainer)
    inspect = reverse("certificates_admin:inspect", args=[certificate.pk])
    url = reverse("certificates_admin:suspend", args=[certificate.pk])
    assert url in client.get(inspect).content.decode()
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason_class": "", "reason": "x"}).status_code == 400
    assert client.post(url, {"reason_class": "investigation", "reason": ""}).status_code == 400
    response = client.post(url, {"reason_class": "administrative", "reason": PRIVATE})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.suspension_class == "administrative"
    detail = client.get(inspect).content.decode()
    assert PRIVATE in detail  # the trainer sees their own words
    lift = reverse("certificates_admin:unsuspend", args=[certificate.pk])
    assert lift in detail
    assert client.get(lift).status_code == 200
    assert client.post(lift).status_code == 302
    certificate.refresh_from_db()
    assert not certificate.is_suspended


def test_another_trainers_certificate_cannot_be_suspended_from_the_admin(client, certificate):
    login_with_mfa(client, TrainerFactory())
    for name in ("suspend", "unsuspend"):
        url = reverse(f"certificates_admin:{name}", args=[certificate.pk])
        assert (
            client.post(url, {"reason_class": "administrative", "reason": "x"}).status_code == 404
        )
    certificate.refresh_from_db()
    assert not certificate.is_suspended


def test_the_holder_sees_the_suspension_on_their_own_page(client, certificate):
    _suspend(certificate, reason_class="administrative")
    client.force_login(certificate.learner)
    html = client.get("/mijn/certificaten/").content.decode()
    assert "Tijdelijk geschorst sinds" in html and "administratief" in html
    assert PRIVATE not in html and "Ingetrokken op" not in html
