"""The staff role's screen: an academy's groups, who is enrolled, progress counts and
certificate states, read-only and exportable; never a text a learner wrote, and
nothing of another academy."""

import datetime

import pytest
from django.urls import reverse

from tests.academies.conftest import build_side
from tests.conftest import WEDNESDAY_NOON
from tests.factories import CertificateFactory, EnrolmentFactory, login_with_mfa

pytestmark = pytest.mark.django_db

URL = "academy_overview:index"


@pytest.fixture
def sides(db, pinned_clock):
    pinned_clock(WEDNESDAY_NOON)
    return build_side("A"), build_side("B")


def test_staff_see_their_academy_s_learners_progress_and_certificates(client, sides):
    a_side, _ = sides
    login_with_mfa(client, a_side.people["staff"])
    response = client.get(reverse(URL))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Leerling GEHEIM-A" in page and "Groep GEHEIM-A" in page
    assert "Geldig" in page  # the learner's certificate state
    assert "Overzicht van de academie" in page
    assert "GEHEIM-B" not in page
    # Never a text a learner wrote, nor a concern about it.
    assert "Mijn eigen verhaal" not in page and "Zorg GEHEIM-A" not in page


def test_the_export_is_a_spreadsheet_of_the_same_rows(client, sides):
    a_side, _ = sides
    login_with_mfa(client, a_side.people["staff"])
    response = client.get(reverse(URL) + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "Leerling GEHEIM-A" in body and "Groep GEHEIM-A" in body
    assert "GEHEIM-B" not in body and "Mijn eigen verhaal" not in body
    xlsx = client.get(reverse(URL) + "?export=xlsx")
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]


def test_certificate_states_expired_and_suspended_and_none(client, sides):
    a_side, _ = sides
    cohort = a_side.objects["cohort"]
    expired = EnrolmentFactory(cohort=cohort)
    today = WEDNESDAY_NOON.date()
    CertificateFactory(
        enrolment=expired,
        issued_on=today - datetime.timedelta(days=1100),
        valid_until=today - datetime.timedelta(days=1),
    )
    suspended = EnrolmentFactory(cohort=cohort)
    certificate = CertificateFactory(enrolment=suspended)
    certificate.suspended_at = WEDNESDAY_NOON
    certificate.suspension_class = "administrative"
    certificate.suspension_reason = "Administratie"
    certificate.save()
    EnrolmentFactory(cohort=cohort)  # no certificate yet

    from training.certificates.staff_views import enrolments_with_certificate_state
    from training.learning.models import Enrolment

    states = dict(
        enrolments_with_certificate_state(Enrolment.objects.filter(cohort=cohort)).values_list(
            "pk", "certificate_state"
        )
    )
    assert states[expired.pk] == "expired"
    assert states[suspended.pk] == "suspended"
    assert states[a_side.objects["enrolment"].pk] == "valid"
    assert sorted(states.values()).count("none") == 1

    login_with_mfa(client, a_side.people["staff"])
    filtered = client.get(reverse(URL), {"certificate_state": "expired"}).content.decode()
    assert expired.learner.get_full_name() in filtered
    assert a_side.people["learner"].get_full_name() not in filtered


def test_trainers_and_learners_have_no_overview_and_b_s_staff_see_only_b(client, sides):
    a_side, b_side = sides
    for role in ("trainer", "learner", "association staff"):
        login_with_mfa(client, a_side.people[role])
        assert client.get(reverse(URL)).status_code in {302, 403}, role
    login_with_mfa(client, b_side.people["staff"])
    page = client.get(reverse(URL)).content.decode()
    assert "GEHEIM-B" in page and "GEHEIM-A" not in page
    # A's cohort as a filter value shows nothing of A either.
    filtered = client.get(reverse(URL), {"cohort": a_side.objects["cohort"].pk})
    assert "GEHEIM-A" not in filtered.content.decode()
