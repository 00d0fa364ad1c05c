"""The public certificate lookup in the JSON API, and a property-based run over the OpenAPI document."""

import pytest
import schemathesis
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error, status_code_conformance

from tests.factories import AssociationFactory, CertificateFactory, UserFactory
from training.associations.services import api_token_create

pytestmark = pytest.mark.django_db

SCHEMA_PATH = "/api/v1/openapi.json"


def lookup(client, code, **extra):
    return client.get(f"/api/v1/certificates/{code}", **extra)


def test_looking_up_a_certificate_gives_the_same_data_as_the_page(client):
    certificate = CertificateFactory(pillars=[{"pillar": "boundaries", "hours": 3}])
    response = lookup(client, certificate.code.lower())
    assert response.status_code == 200
    data = response.json()
    assert data["code"] == certificate.display_code
    assert data["status"] == "valid"
    assert data["holder_name"] == certificate.holder_name
    assert data["course"] == certificate.course_title
    assert data["pillars"][0]["pillar"] == "boundaries" and data["pillars"][0]["hours"] == 3
    assert data["issued_on"] == certificate.issued_on.isoformat()
    assert data["valid_until"] == certificate.valid_until.isoformat()
    assert data["verification_url"].endswith(
        reverse("certificates:verify_detail", args=[certificate.display_code])
    )
    assert "email" not in str(data)


def test_an_unknown_code_is_a_404_and_lookups_are_rate_limited(client, settings):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = 2
    assert lookup(client, "K7QM-4TXN-9PRW-2HDC").status_code == 404
    assert lookup(client, "nonsense").json() == {"detail": "No certificate has this code."}
    assert lookup(client, "K7QM-4TXN-9PRW-2HDC").status_code == 429


def test_the_openapi_document_and_docs_are_served_from_this_site(client):
    document = client.get(SCHEMA_PATH).json()
    assert document["info"]["version"] == "1"
    assert "/api/v1/certificates/{code}" in document["paths"]
    assert "/api/v1/associations/{association_id}/certificates" in document["paths"]
    docs = client.get("/api/v1/docs").content.decode()
    assert "cdn." not in docs and "https://" not in docs


def test_certificate_answers_are_neither_cached_nor_indexed(client, settings):
    certificate = CertificateFactory()
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = 2
    responses = [lookup(client, certificate.code), lookup(client, "nonsense")]
    responses.append(lookup(client, certificate.code))  # 429
    assert [r.status_code for r in responses] == [200, 404, 429]
    for response in responses:
        assert response["Cache-Control"] == "no-store, private"
        assert "noindex" in response["X-Robots-Tag"]


def _documented(document, path, method="get"):
    return {int(status) for status in document["paths"][path][method]["responses"]}


def test_the_openapi_document_lists_every_status_the_api_returns(client, api_data, settings):
    """Each status seen here, for each operation, is in the OpenAPI document."""
    document = client.get(SCHEMA_PATH).json()
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = 2
    association = api_data["association"]
    token = {"HTTP_AUTHORIZATION": f"Bearer {api_data['token']}"}
    lookups = {
        lookup(client, CertificateFactory().code).status_code,
        lookup(client, "K7QM-4TXN-9PRW-2HDC").status_code,
        lookup(client, "K7QM-4TXN-9PRW-2HDC").status_code,
    }
    base = "/api/v1/associations"
    detail = {
        client.get(f"{base}/{association.pk}", **token).status_code,
        client.get(f"{base}/{association.pk}").status_code,
        client.get(f"{base}/{association.pk + 1}", **token).status_code,
        client.get(f"{base}/abc", **token).status_code,
    }
    listing = {
        client.get(f"{base}/{association.pk}/certificates", **token).status_code,
        client.get(f"{base}/{association.pk}/certificates").status_code,
        client.get(f"{base}/{association.pk + 1}/certificates", **token).status_code,
        client.get(f"{base}/{association.pk}/certificates?status=bogus", **token).status_code,
    }
    assert lookups == {200, 404, 429}
    assert detail == listing == {200, 401, 404, 422}
    assert lookups <= _documented(document, "/api/v1/certificates/{code}")
    assert detail <= _documented(document, "/api/v1/associations/{association_id}")
    assert listing <= _documented(document, "/api/v1/associations/{association_id}/certificates")
    error = client.get(f"{base}/abc", **token)
    assert error["Cache-Control"] == "no-store, private"


@pytest.fixture
def api_data(db):
    """One certificate and one association with a token, so that some requests find data."""
    staff = UserFactory()
    association = AssociationFactory(staff=[staff])
    CertificateFactory(enrolment__cohort__association=association)
    _token, raw = api_token_create(association=association, user=staff, name="Test")
    return {"association": association, "token": raw}


def test_the_api_never_answers_with_a_server_error(api_data, settings):
    """Schemathesis generates requests from the OpenAPI document for every operation.

    Its pytest plugin does not run under pytest 9, so the operations' Hypothesis
    strategies are driven directly; the check is the same.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    settings.CERTIFICATE_VERIFY_RATE_LIMIT = 0
    # As Django's test client does: a request must not close the test's database
    # connection (it would on PostgreSQL, ending the test transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        _run_schemathesis(api_data)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _run_schemathesis(api_data):
    from django.core.wsgi import get_wsgi_application

    schema = schemathesis.openapi.from_wsgi(SCHEMA_PATH, get_wsgi_application())
    headers = {"Authorization": f"Bearer {api_data['token']}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    # the lookup, the association, its list, its group feedback, an Open Badge
    assert len(operations) == 5

    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=60,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def run(case):
            parameters = case.path_parameters or {}
            # Half the time, ask for the token's own association, to reach the data.
            if "association_id" in parameters and parameters["association_id"] % 2 == 0:
                parameters["association_id"] = api_data["association"].pk
            response = case.call(headers=headers)
            case.validate_response(response, checks=[not_a_server_error, status_code_conformance])

        run()
