"""Delivery: the holder's download, the LinkedIn link, the verification page, the API."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from tests.factories import AssociationFactory, CertificateFactory, UserFactory
from training.associations.services import api_token_create
from training.credentials.models import Credential
from training.credentials.services import credential_issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential():
    return credential_issue(certificate=CertificateFactory(holder_name="Noor de Vries"))


def _download_url(credential):
    return f"/mijn/certificaten/{credential.certificate_id}/open-badge.json"


def test_the_holder_downloads_their_credential_as_a_json_file(client, credential):
    client.force_login(credential.certificate.learner)
    response = client.get(_download_url(credential))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Cache-Control"] == "no-store, private"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith('.json"')
    document = json.loads(response.content)
    # The credential with its Data Integrity proof, which wallets import.
    assert document == credential.document
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"


def test_someone_elses_or_a_missing_credential_is_a_404(client, credential):
    client.force_login(UserFactory())
    assert client.get(_download_url(credential)).status_code == 404
    client.force_login(credential.certificate.learner)
    assert client.get("/mijn/certificaten/999999/open-badge.json").status_code == 404
    client.logout()
    response = client.get(_download_url(credential))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_mine_offers_the_download_and_a_filled_in_linkedin_link(client, credential):
    certificate = credential.certificate
    client.force_login(certificate.learner)
    html = client.get("/mijn/certificaten/").content.decode()
    assert _download_url(credential) in html
    assert "als digitaal certificaat (Open Badge)" in html
    assert "Toevoegen aan LinkedIn-profiel" in html
    start = html.index("https://www.linkedin.com/profile/add?")
    link = html[start : html.index('"', start)].replace("&amp;", "&")
    query = parse_qs(urlsplit(link).query)
    assert query["startTask"] == ["CERTIFICATION_NAME"]
    assert query["name"] == [certificate.course_title]
    assert query["organizationName"] == ["Lotgenoot Academie"]
    assert query["issueYear"] == [str(certificate.issued_on.year)]
    assert query["issueMonth"] == [str(certificate.issued_on.month)]
    assert query["expirationYear"] == [str(certificate.valid_until.year)]
    assert query["certId"] == [certificate.display_code]
    assert query["certUrl"] == [f"http://testserver/controleer/{certificate.display_code}/"]


def test_a_revoked_certificate_is_not_offered_for_linkedin(client, credential):
    certificate = credential.certificate
    type(certificate).objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revoked_reason="Fout"
    )
    client.force_login(certificate.learner)
    html = client.get("/mijn/certificaten/").content.decode()
    assert "linkedin.com" not in html
    assert _download_url(credential) in html  # the credential itself shows the revocation


def test_the_verification_page_links_both_forms_and_says_how_a_machine_checks(client, credential):
    code = credential.certificate.display_code
    html = client.get(f"/verify/{code}/").content.decode()
    assert f'href="/credentials/{code}.jwt"' in html
    assert f'href="/credentials/{code}.json"' in html
    assert "digitaal certificaat (Open Badge 3.0)" in html
    assert (
        "Een computer controleert onze handtekening met de openbare sleutel op deze website. "
        "Ook kijkt hij in onze statuslijst of het certificaat is ingetrokken of geschorst."
    ) in html
    response = client.get(f"/credentials/{code}.jwt")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert response["Cache-Control"] == "no-store, private"
    assert response.content.decode() == credential.jwt
    response = client.get(f"/credentials/{code}.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc; charset=utf-8"
    assert response["Cache-Control"] == "no-store, private"
    assert json.loads(response.content) == credential.document
    assert client.get("/credentials/K7QM-4TXN-9PRW-2HDC.jwt").status_code == 404
    assert client.get("/credentials/K7QM-4TXN-9PRW-2HDC.json").status_code == 404


def test_an_erased_holders_credential_is_emptied_but_keeps_its_status(client, credential):
    from training.privacy.services import account_erase

    learner = credential.certificate.learner
    account_erase(user=learner)
    credential.refresh_from_db()
    assert credential.jwt == "" and Credential.objects.filter(pk=credential.pk).exists()
    assert credential.document == {}
    code = credential.certificate.display_code
    assert client.get(f"/credentials/{code}.jwt").status_code == 404
    assert client.get(f"/credentials/{code}.json").status_code == 404
    assert "/credentials/" not in client.get(f"/verify/{code}/").content.decode()


def test_the_public_api_links_both_forms(client, credential):
    code = credential.certificate.display_code
    data = client.get(f"/api/v1/certificates/{code}").json()
    assert data["credential_url"] == f"http://testserver/credentials/{code}.jwt"
    assert data["credential_jwt_url"] == f"http://testserver/credentials/{code}.jwt"
    assert data["credential_json_url"] == f"http://testserver/credentials/{code}.json"


def test_an_association_gets_its_facilitators_credential_and_no_other(client):
    staff = UserFactory()
    association = AssociationFactory(staff=[staff])
    own = credential_issue(
        certificate=CertificateFactory(enrolment__cohort__association=association)
    )
    foreign = credential_issue(certificate=CertificateFactory())
    _token, raw = api_token_create(association=association, user=staff, name="Test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    base = f"/api/v1/associations/{association.pk}/certificates"

    response = client.get(f"{base}/{own.certificate.display_code}/open-badge", **auth)
    assert response.status_code == 200
    assert response.json() == {
        "code": own.certificate.display_code,
        "media_type": "application/vc+jwt",
        "jwt": own.jwt,
        "data_integrity": own.document,
    }
    assert response["Cache-Control"] == "no-store, private"
    foreign_code = foreign.certificate.display_code
    assert client.get(f"{base}/{foreign_code}/open-badge", **auth).status_code == 404
    assert client.get(f"{base}/{own.certificate.code}/open-badge").status_code == 401
    other = f"/api/v1/associations/{association.pk + 1}/certificates"
    assert client.get(f"{other}/{own.certificate.code}/open-badge", **auth).status_code == 404
