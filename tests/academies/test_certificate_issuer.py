"""An academy's certificate: the academy is the issuer (PDF, verification page), the
platform the place of verification."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from tests.certificates.helpers import complete_course
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    academy_course,
    academy_create,
    build_course,
)
from training.certificates import services
from training.certificates.pdf import certificate_context
from training.certificates.selectors import certificate_public

pytestmark = pytest.mark.django_db


def issued(cohort):
    enrolment = EnrolmentFactory(cohort=cohort)
    complete_course(enrolment)
    return services.certificate_issue(enrolment=enrolment)


def test_an_academys_certificate_names_the_academy_as_issuer(client):
    academy = academy_create("Stichting Samen Verder", accent_colour="#0f5132")
    course = academy_course(academy, modules=1, lessons_per_module=1)
    certificate = issued(CohortFactory(academy=academy, course=course))
    assert certificate.issuer_name == "Stichting Samen Verder"

    text = " ".join(PdfReader(io.BytesIO(certificate.pdf.read())).pages[0].extract_text().split())
    assert "Stichting Samen Verder" in text
    context = certificate_context(certificate, verification_url="https://example.org/v/X")
    assert context["accent_colour"] == "#0f5132"

    assert certificate_public(certificate).issuer == "Stichting Samen Verder"
    page = client.get(reverse("certificates:verify_detail", args=[certificate.code]), follow=True)
    assert "Stichting Samen Verder" in page.content.decode()


def test_a_platform_certificate_keeps_the_platform_as_issuer():
    certificate = issued(CohortFactory(course=build_course(modules=1, lessons_per_module=1)))
    assert certificate.issuer_name == ""
    assert certificate_public(certificate).issuer == settings.WAGTAIL_SITE_NAME


def test_the_signing_trainer_is_one_who_leads_the_cohort_in_that_academy():
    """A trainer of another academy named on the cohort (first in line) does not sign:
    their name and signature never go on this academy's certificate."""
    from tests.factories import academy_person

    a, b = academy_create("Academie A"), academy_create("Academie B")
    foreign = academy_person(b, "trainer", display_name="Trainer Elders")
    own = academy_person(a, "trainer", display_name="Trainer Eigen")
    course = academy_course(a, modules=1, lessons_per_module=1)
    certificate = issued(CohortFactory(academy=a, course=course, trainers=[foreign, own]))
    assert certificate.trainer_name == "Trainer Eigen"
