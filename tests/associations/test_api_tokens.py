"""API tokens: created and revoked by an association's staff, stored hashed, and strictly
scoped: one association never sees another's data."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import (
    AssociationFactory,
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    login_with_mfa,
)
from training.associations.models import ApiToken
from training.associations.services import api_token_create, api_token_revoke

pytestmark = pytest.mark.django_db


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_staff_create_a_token_that_is_shown_once_and_stored_hashed(client, staff, association):
    login_with_mfa(client, staff)
    url = reverse("associations:tokens", args=[association.pk])
    response = client.post(url, {"name": "Ledenadministratie"})
    raw = response.context["new_token"]
    assert raw and raw in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get()
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {token.token_hash, token.prefix, token.name}
    assert raw not in client.get(url).content.decode()  # never shown again


def test_a_revoked_token_stops_working_at_once(client, staff, association):
    token, raw = api_token_create(association=association, user=staff, name="Koppeling")
    url = f"/api/v1/associations/{association.pk}/certificates"
    assert client.get(url, **bearer(raw)).status_code == 200
    login_with_mfa(client, staff)
    client.post(reverse("associations:token_revoke", args=[association.pk, token.pk]))
    client.logout()
    assert client.get(url, **bearer(raw)).status_code == 401
    assert ModelLogEntry.objects.for_instance(token).filter(action="associations.token_revoke")


def test_the_api_lists_the_associations_facilitators_with_status(client, staff, association):
    certificate = CertificateFactory(
        enrolment=EnrolmentFactory(cohort=CohortFactory(association=association))
    )
    _token, raw = api_token_create(association=association, user=staff, name="Koppeling")
    data = client.get(f"/api/v1/associations/{association.pk}/certificates", **bearer(raw)).json()
    assert data == [
        {
            "name": certificate.holder_name,
            "course": certificate.qualification_title,
            "status": "valid",
            "valid_until": certificate.valid_until.isoformat(),
            "issued_on": certificate.issued_on.isoformat(),
            "certificate_code": certificate.display_code,
            "progress_percent": None,
            "renewal_percent": None,
            "renewal_missing_hours": None,
            "in_intervision_group": False,
        }
    ]
    detail = client.get(f"/api/v1/associations/{association.pk}", **bearer(raw)).json()
    assert detail == {"id": association.pk, "name": association.name, "facilitators": 1}


def test_one_association_can_never_see_anothers_data(client, staff, association):
    other_staff = UserFactory()
    other = AssociationFactory(staff=[other_staff])
    theirs = CertificateFactory(enrolment=EnrolmentFactory(cohort=CohortFactory(association=other)))
    mine = CertificateFactory(
        enrolment=EnrolmentFactory(cohort=CohortFactory(association=association))
    )
    _token, raw = api_token_create(association=association, user=staff, name="Mijn koppeling")

    for path in (
        f"/api/v1/associations/{other.pk}",
        f"/api/v1/associations/{other.pk}/certificates",
    ):
        response = client.get(path, **bearer(raw))
        assert response.status_code == 404
        assert theirs.holder_name not in response.content.decode()
    own = client.get(f"/api/v1/associations/{association.pk}/certificates", **bearer(raw))
    names = [row["name"] for row in own.json()]
    assert names == [mine.holder_name] and theirs.holder_name not in own.content.decode()

    # Staff cannot manage another association's tokens either.
    other_token, _raw = api_token_create(association=other, user=other_staff, name="Van hen")
    with pytest.raises(PermissionDenied):
        api_token_revoke(token=other_token, user=staff)
    login_with_mfa(client, staff)
    response = client.post(reverse("associations:token_revoke", args=[other.pk, other_token.pk]))
    assert response.status_code == 404
    other_token.refresh_from_db()
    assert other_token.is_active


def test_requests_without_a_valid_token_are_refused(client, association):
    url = f"/api/v1/associations/{association.pk}/certificates"
    assert client.get(url).status_code == 401
    assert client.get(url, **bearer("lga_not-a-token")).status_code == 401
