"""An academy's Open Badges credential names the academy in its issuer profile, signed
by the platform's DID on its behalf; checked with the official OB 3.0 JSON Schema and
pyld's safe-mode JSON-LD expansion (the same checks as tests/credentials)."""

import pytest

from tests.credentials.verifier import ob3_schema_errors
from tests.factories import CertificateFactory, CohortFactory, EnrolmentFactory, academy_create
from training.credentials.documents import issuer_did
from training.credentials.linked_data import expand_safe
from training.credentials.services import credential_issue

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def credential_keys(settings, tmp_path):
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "credential-keys")


def test_the_credential_of_an_academys_certificate_names_the_academy():
    academy = academy_create("Stichting Samen Verder")
    enrolment = EnrolmentFactory(cohort=CohortFactory(academy=academy))
    certificate = CertificateFactory(enrolment=enrolment, issuer_name=academy.name)
    document = credential_issue(certificate=certificate).document
    issuer = document["issuer"]
    assert issuer["name"] == "Stichting Samen Verder"
    assert issuer["id"] == issuer_did()
    assert issuer["parentOrg"]["name"] == "Lotgenoot Academie"
    assert ob3_schema_errors(document) == []
    expand_safe(document)


def test_a_platform_credential_names_the_platform():
    document = credential_issue(certificate=CertificateFactory()).document
    assert document["issuer"]["name"] == "Lotgenoot Academie"
    assert "parentOrg" not in document["issuer"]
