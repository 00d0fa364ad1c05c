"""The public verification page: no login, status at a glance, nothing else about the person."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.factories import CertificateFactory, UserFactory
from training.certificates import services

pytestmark = pytest.mark.django_db


def detail_url(certificate):
    return reverse("certificates:verify_detail", args=[certificate.display_code])


def test_a_valid_certificate_shows_its_data_without_login(client):
    learner = UserFactory(email="dewi@example.org", display_name="Dewi de Vries")
    certificate = CertificateFactory(enrolment__learner=learner)
    response = client.get(detail_url(certificate))
    assert response.status_code == 200
    page = response.content.decode()
    assert "certificate-check--valid" in page
    for text in (
        "Dewi de Vries",
        certificate.course_title,
        certificate.cohort_name,
        certificate.display_code,
        certificate.valid_until.strftime("%Y"),
    ):
        assert text in page
    assert "dewi@example.org" not in page  # nothing else about the person
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_code_may_be_typed_in_any_case_with_or_without_dashes(client):
    certificate = CertificateFactory()
    typed = certificate.code.lower()
    response = client.get(reverse("certificates:verify"), {"code": f" {typed[:8]} {typed[8:]} "})
    assert response.status_code == 302 and response["Location"] == detail_url(certificate)
    response = client.get(reverse("certificates:verify_detail", args=[typed]))
    assert response.status_code == 302 and response["Location"] == detail_url(certificate)


def test_an_unknown_code_gets_a_clear_message(client):
    response = client.get(reverse("certificates:verify_detail", args=["K7QM-4TXN-9PRW-2HDC"]))
    assert response.status_code == 404
    assert 'role="alert"' in response.content.decode()
    response = client.get(reverse("certificates:verify"), {"code": "hallo"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


def test_an_expired_certificate_shows_as_expired_since_the_day_after(client):
    certificate = CertificateFactory(
        issued_on=datetime.date(2020, 3, 1), valid_until=datetime.date(2023, 3, 1)
    )
    with time_machine.travel(datetime.date(2023, 3, 2)):
        response = client.get(detail_url(certificate))
    assert "certificate-check--expired" in response.content.decode()
    assert response.context["certificate"].expired_on == datetime.date(2023, 3, 2)


def test_a_revocation_shows_at_once_with_its_date_and_reason(client):
    certificate = CertificateFactory()
    trainer = certificate.cohort.trainers.get()
    services.certificate_revoke(
        certificate=certificate, user=trainer, reason="Uitgegeven voor de verkeerde groep."
    )
    page = client.get(detail_url(certificate)).content.decode()
    assert "certificate-check--revoked" in page
    assert "Uitgegeven voor de verkeerde groep." in page


def test_lookups_are_rate_limited_per_client(client, settings):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = 3
    url = reverse("certificates:verify_detail", args=["K7QM-4TXN-9PRW-2HDC"])
    statuses = [client.get(url, REMOTE_ADDR="203.0.113.5").status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]
    assert client.get(url, REMOTE_ADDR="203.0.113.6").status_code == 404  # another client


def test_the_verify_form_is_accessible_and_needs_no_login(client):
    response = client.get(reverse("certificates:verify"))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<label for="id_code">' in page
    assert 'aria-describedby="code-hint"' in page
