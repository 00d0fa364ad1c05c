"""'Mijn certificaten', the PDF download, and the dashboard's explanation of what is missing."""

import pytest
from django.urls import reverse

from tests.certificates.helpers import complete_course
from tests.factories import AssociationFactory, CertificateFactory, UserFactory
from training.associations.models import AssociationMembership
from training.certificates import services

pytestmark = pytest.mark.django_db


def test_my_certificates_lists_status_link_and_download(client, enrolment):
    complete_course(enrolment)
    certificate = services.certificate_issue(enrolment=enrolment)
    client.force_login(enrolment.learner)
    response = client.get(reverse("certificates:mine"))
    assert response.status_code == 200
    assert (
        response["Cache-Control"].startswith("no-store") or "no-store" in response["Cache-Control"]
    )
    page = response.content.decode()
    assert certificate.course_title in page
    assert reverse("certificates:verify_detail", args=[certificate.display_code]) in page
    assert reverse("certificates:download", args=[certificate.pk]) in page
    assert 'data-copy-target="link-' in page

    download = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == certificate.pdf.open("rb").read()


def test_someone_elses_certificate_cannot_be_downloaded(client):
    certificate = CertificateFactory()
    client.force_login(UserFactory())
    response = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert response.status_code == 404


def test_the_pages_explain_which_rule_is_still_missing(client, enrolment):
    client.force_login(enrolment.learner)
    page = client.get(reverse("certificates:mine")).content.decode()
    assert "Alle lessen afgerond" in page
    assert "rules-list__item--open" in page
    dashboard = client.get(reverse("learning:dashboard")).content.decode()
    assert "certificate-summary" in dashboard


def test_learners_see_which_associations_can_see_their_status(client, enrolment):
    association = AssociationFactory(name="Hart en Vaatgroep (test)")
    AssociationMembership.objects.create(association=association, learner=enrolment.learner)
    client.force_login(enrolment.learner)
    page = client.get(reverse("certificates:mine")).content.decode()
    assert "Hart en Vaatgroep (test)" in page


def test_my_certificates_needs_a_login(client):
    response = client.get(reverse("certificates:mine"))
    assert response.status_code == 302
