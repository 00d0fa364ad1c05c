"""The trainer's certificate list, sign-offs and signature in the Wagtail admin."""

import pytest
from django.urls import reverse

from tests.certificates.helpers import complete_course
from tests.factories import (
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
    login_with_mfa,
)
from training.certificates.models import Certificate, TrainerSignature, TrainerSignoff

pytestmark = pytest.mark.django_db


def test_trainers_see_the_certificates_of_the_cohorts_they_train(client):
    mine, theirs = CertificateFactory(), CertificateFactory()
    login_with_mfa(client, mine.cohort.trainers.get())
    response = client.get(reverse("certificates_admin:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert mine.holder_name in page and theirs.holder_name not in page

    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    page = client.get(reverse("certificates_admin:index")).content.decode()
    assert mine.holder_name in page and theirs.holder_name in page


def test_the_list_filters_by_status_and_searches(client):
    kept = CertificateFactory(holder_name="Anna Bakker")
    revoked = CertificateFactory(holder_name="Bert Smit", cohort=kept.cohort)
    trainer = kept.cohort.trainers.get()
    from training.certificates.services import certificate_revoke

    certificate_revoke(certificate=revoked, user=trainer, reason="Reden")
    login_with_mfa(client, trainer)
    page = client.get(reverse("certificates_admin:index"), {"status": "revoked"}).content.decode()
    assert "Bert Smit" in page and "Anna Bakker" not in page
    page = client.get(reverse("certificates_admin:index"), {"q": "anna"}).content.decode()
    assert "Anna Bakker" in page and "Bert Smit" not in page


def test_learners_cannot_open_the_certificate_admin(client):
    client.force_login(UserFactory())
    assert client.get(reverse("certificates_admin:index")).status_code in (302, 403)


def test_a_trainers_sign_off_issues_the_certificate(
    client, course, django_capture_on_commit_callbacks
):
    course.require_trainer_signoff = True
    course.save()
    trainer = TrainerFactory()
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course, trainers=[trainer]))
    complete_course(enrolment)
    assert not Certificate.objects.exists()

    login_with_mfa(client, trainer)
    page = client.get(reverse("certificates_admin:signoffs")).content.decode()
    assert enrolment.learner.get_full_name() in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("certificates_admin:signoffs"), {"enrolment": enrolment.pk})
    assert response.status_code == 302
    assert TrainerSignoff.objects.get(enrolment=enrolment).signed_by == trainer
    certificate = Certificate.objects.get()
    assert certificate.trainer == trainer and certificate.is_ready


def test_a_trainer_cannot_sign_off_in_another_trainers_cohort(client, course):
    course.require_trainer_signoff = True
    course.save()
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    login_with_mfa(client, TrainerFactory())
    response = client.post(reverse("certificates_admin:signoffs"), {"enrolment": enrolment.pk})
    assert response.status_code == 404
    assert not TrainerSignoff.objects.exists()


def test_a_trainer_sets_their_signature(client):
    trainer = TrainerFactory()
    login_with_mfa(client, trainer)
    url = reverse("certificates_admin:signature")
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Tessa de Groot", "role": "Cursusleider"})
    assert response.status_code == 302
    signature = TrainerSignature.objects.get(trainer=trainer)
    assert (signature.name, signature.role) == ("Tessa de Groot", "Cursusleider")
