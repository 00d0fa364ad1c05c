"""Associations see renewal progress and intervision membership, never the words behind them."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    AssociationFactory,
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    login_with_mfa,
)
from training.associations.services import api_token_create
from training.continuing import services
from training.continuing.models import IntervisionGroup, RenewalRule, WellbeingCheckIn

from .test_practice_log import REFLECTION, session_fields


@pytest.fixture
def setup(db):
    staff = UserFactory()
    association = AssociationFactory(staff=[staff])
    certificate = CertificateFactory(
        enrolment=EnrolmentFactory(cohort=CohortFactory(association=association)),
        issued_on=timezone.localdate() - datetime.timedelta(days=100),
    )
    RenewalRule.objects.create(
        qualification=certificate.qualification, hours=10, boundary_hours=0, intervision_hours=0
    )
    facilitator = certificate.learner
    services.practice_session_create(
        facilitator=facilitator,
        client_id=uuid.uuid4(),
        **session_fields(held_on=timezone.localdate(), duration_minutes=120),
    )
    WellbeingCheckIn.objects.create(
        facilitator=facilitator,
        client_id=uuid.uuid4(),
        energy_cost=4,
        energy_gain=1,
        sleep=1,
        lingering=True,
        wants_contact=True,
    )
    group = IntervisionGroup.objects.create(name="Groep Zuid", coordinator=UserFactory())
    group.members.add(facilitator)
    return staff, association, certificate


def test_the_api_gives_renewal_progress_and_intervision(client, setup):
    staff, association, certificate = setup
    _token, raw = api_token_create(association=association, user=staff, name="Koppeling")
    response = client.get(
        f"/api/v1/associations/{association.pk}/certificates",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    [row] = response.json()
    assert row["renewal_percent"] == 20  # 2 of 10 hours (practice, under the cap)
    assert row["renewal_missing_hours"] == 8
    assert row["in_intervision_group"] is True
    assert REFLECTION not in response.content.decode()
    assert "Groep Zuid" not in response.content.decode()


def test_the_status_page_shows_it_without_any_personal_text(client, setup):
    staff, association, certificate = setup
    login_with_mfa(client, staff)
    body = client.get(reverse("associations:status", args=[association.pk])).content.decode()
    assert "verlenging 20% onderweg" in body
    assert "in een intervisiegroep" in body
    # Each note is a word of its own, for screen readers too (no "2028verlenging").
    assert '</time> <span class="meta status-row__renewal">' in body
    assert REFLECTION not in body and "Leven met reuma" not in body
