"""Verification is cheap: a lookup is one indexed query, a refused lookup none.

The header's navigation comes from the content cache, so once it is warm a
verification page costs only the certificate lookup; a refused (429) request
touches nothing but the rate-limit counter in the cache.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CertificateFactory
from training.certificates.models import Certificate
from training.courses.content_cache import content_changed

pytestmark = pytest.mark.django_db

UNKNOWN = "K7QM-4TXN-9PRW-2HDC"


@pytest.fixture
def certificate():
    return CertificateFactory()


@pytest.fixture
def warm(client):
    """One page first: the navigation is cached as on a running site."""
    assert client.get(reverse("certificates:verify")).status_code == 200


def test_a_page_hit_is_one_query_on_the_code(client, certificate, warm):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(
            reverse("certificates:verify_detail", args=[certificate.display_code])
        )
    assert response.status_code == 200
    assert certificate.holder_name in response.content.decode()
    assert len(queries.captured_queries) == 1
    sql = queries.captured_queries[0]["sql"]
    assert "certificates_certificate" in sql and "JOIN" not in sql and "ORDER BY" not in sql


def test_a_page_miss_is_the_lookup_and_wagtails_redirect_check(
    client, warm, django_assert_num_queries
):
    # A 404 is also looked up in Wagtail's redirects (its middleware): two queries.
    with django_assert_num_queries(2):
        response = client.get(reverse("certificates:verify_detail", args=[UNKNOWN]))
    assert response.status_code == 404


def test_a_malformed_code_costs_no_lookup(client, warm, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("certificates:verify"), {"code": "hallo"})
    assert response.status_code == 200


def test_an_api_hit_is_one_query(client, certificate, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(f"/api/v1/certificates/{certificate.code}")
    assert response.status_code == 200
    assert response.json()["holder_name"] == certificate.holder_name


@pytest.mark.parametrize(
    "url",
    [
        f"/controleer/{UNKNOWN}/",
        f"/verify/{UNKNOWN}/",
        "/controleer/?code=" + UNKNOWN,
        f"/api/v1/certificates/{UNKNOWN}",
    ],
)
def test_a_refused_lookup_costs_no_query_even_with_a_cold_cache(
    client, settings, url, django_assert_num_queries
):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = 1
    client.get(url)  # the one lookup allowed this minute
    content_changed()  # nothing cached for the header: a refusal must not need it
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 429


def test_the_code_column_has_a_unique_index():
    field = Certificate._meta.get_field("code")
    assert field.unique and field.db_index is False  # unique=True is the index
