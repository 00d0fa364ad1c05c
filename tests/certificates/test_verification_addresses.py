"""The Dutch /controleer/ is the address the site prints; /verify/ (on certificates
printed before) keeps working."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.certificates.helpers import complete_course
from tests.factories import CertificateFactory
from training.certificates import services
from training.certificates.selectors import verification_url

pytestmark = pytest.mark.django_db


def test_the_printed_address_is_the_dutch_one():
    certificate = CertificateFactory()
    assert reverse("certificates:verify") == "/controleer/"
    assert reverse("certificates:verify_detail", args=[certificate.display_code]) == (
        f"/controleer/{certificate.display_code}/"
    )
    assert verification_url(certificate).endswith(f"/controleer/{certificate.display_code}/")


@pytest.mark.parametrize("prefix", ["/controleer/", "/verify/"])
def test_both_addresses_show_the_certificate(client, prefix):
    certificate = CertificateFactory()
    response = client.get(f"{prefix}{certificate.display_code}/")
    assert response.status_code == 200
    assert certificate.holder_name in response.content.decode()
    assert client.get(prefix).status_code == 200


def test_an_old_address_with_a_sloppy_code_goes_to_the_dutch_address(client):
    certificate = CertificateFactory()
    response = client.get(f"/verify/{certificate.code.lower()}/")
    assert response.status_code == 302
    assert response["Location"] == f"/controleer/{certificate.display_code}/"


def test_the_api_my_certificates_and_the_email_give_the_dutch_address(client, enrolment):
    complete_course(enrolment)
    certificate = services.certificate_issue(enrolment=enrolment)
    dutch = f"/controleer/{certificate.display_code}/"

    data = client.get(f"/api/v1/certificates/{certificate.code}").json()
    assert data["verification_url"].endswith(dutch)

    client.force_login(enrolment.learner)
    page = client.get(reverse("certificates:mine")).content.decode()
    assert dutch in page and "/verify/" not in page

    assert any(dutch in message.body for message in mail.outbox)
    assert not any("/verify/" in message.body for message in mail.outbox)
