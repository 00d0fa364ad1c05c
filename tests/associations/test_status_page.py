"""An association's status page: its facilitators' certification at a glance, CSV, filters."""

import csv
import datetime
import io

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
from training.associations.models import AssociationMembership
from training.associations.selectors import FacilitatorStatus, association_facilitators

pytestmark = pytest.mark.django_db


def certificate_for(association, name, **kwargs):
    learner = UserFactory(display_name=name)
    cohort = CohortFactory(association=association)
    return CertificateFactory(enrolment=EnrolmentFactory(learner=learner, cohort=cohort), **kwargs)


def test_facilitators_come_from_commissioned_cohorts_and_memberships(association):
    today = timezone.localdate()
    certificate_for(association, "Valide Vera")
    certificate_for(association, "Bijna Bas", valid_until=today + datetime.timedelta(days=40))
    certificate_for(
        association,
        "Verlopen Vincent",
        issued_on=today - datetime.timedelta(days=1200),
        valid_until=today - datetime.timedelta(days=5),
    )
    in_training = EnrolmentFactory(
        learner=UserFactory(display_name="Lerende Lotte"),
        cohort=CohortFactory(association=association),
    )
    member = UserFactory(display_name="Lid Lars")
    AssociationMembership.objects.create(association=association, learner=member)
    CertificateFactory(enrolment__learner=member)  # via another cohort, seen through the membership
    certificate_for(AssociationFactory(), "Ander Anton")  # another association's facilitator

    rows = association_facilitators(association=association)
    assert [(r.name, r.status) for r in rows][:2] == [
        ("Bijna Bas", FacilitatorStatus.EXPIRES_SOON),
        ("Verlopen Vincent", FacilitatorStatus.EXPIRED),
    ]
    names = {r.name for r in rows}
    assert names == {"Bijna Bas", "Verlopen Vincent", "Valide Vera", "Lid Lars", "Lerende Lotte"}
    lotte = next(r for r in rows if r.name == "Lerende Lotte")
    assert lotte.status == FacilitatorStatus.IN_TRAINING and lotte.progress_percent == 0
    assert in_training.course.title == lotte.course_title


def test_staff_see_the_page_filter_search_and_export_csv(client, staff, association):
    certificate_for(association, "Anna Aalbers")
    certificate_for(association, "=HYPERLINK(1)")
    login_with_mfa(client, staff)
    assert client.get(reverse("associations:index")).status_code == 302
    url = reverse("associations:status", args=[association.pk])
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "Anna Aalbers" in response.content.decode()

    page = client.get(url, {"q": "aalb"}).content.decode()
    assert "Anna Aalbers" in page and "HYPERLINK" not in page
    page = client.get(url, {"status": "expired"}).content.decode()
    assert "Anna Aalbers" not in page

    export = client.get(reverse("associations:status_csv", args=[association.pk]))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3
    assert any(row[0] == "'=HYPERLINK(1)" for row in rows)  # no formula injection


def test_the_page_shows_status_never_reflections_or_feedback(client, staff, association):
    from tests.factories import REFLECTION_TEXT, reflection_cohort, submitted_reflection

    assignment, (enrolment,) = reflection_cohort(learners=1)
    enrolment.cohort.association = association
    enrolment.cohort.save()
    submitted_reflection(enrolment=enrolment, assignment=assignment)
    login_with_mfa(client, staff)
    page = client.get(reverse("associations:status", args=[association.pk])).content.decode()
    assert enrolment.learner.get_full_name() in page
    assert enrolment.learner.email not in page
    assert REFLECTION_TEXT[:40] not in page
    export = client.get(reverse("associations:status_csv", args=[association.pk]))
    assert REFLECTION_TEXT[:40] not in export.content.decode("utf-8-sig")


def test_another_associations_page_is_a_404(client, staff, association):
    other = AssociationFactory()
    login_with_mfa(client, staff)
    for name in ("status", "status_csv", "tokens"):
        assert client.get(reverse(f"associations:{name}", args=[other.pk])).status_code == 404


def test_people_without_an_association_are_refused(client):
    client.force_login(UserFactory())
    assert client.get(reverse("associations:index")).status_code == 403


def test_a_suspended_certificate_is_shown_as_suspended_not_revoked(client, staff, association):
    """A pause is not an end: the association sees "suspended" (not to be relied on for
    now) apart from the revoked ones, on the page, in the filter and in the API."""
    from training.associations.services import api_token_create
    from training.certificates.models import SuspensionReason
    from training.certificates.services import certificate_suspend

    paused = certificate_for(association, "Pauze Pim")
    certificate_suspend(
        certificate=paused,
        user=UserFactory(),
        reason_class=SuspensionReason.INVESTIGATION,
        reason="Een zorg wordt onderzocht.",
    )
    certificate_for(association, "Valide Vera")

    rows = {r.name: r.status for r in association_facilitators(association=association)}
    assert rows == {
        "Pauze Pim": FacilitatorStatus.SUSPENDED,
        "Valide Vera": FacilitatorStatus.VALID,
    }
    filtered = association_facilitators(association=association, status=FacilitatorStatus.SUSPENDED)
    assert [r.name for r in filtered] == ["Pauze Pim"]

    login_with_mfa(client, staff)
    page = client.get(reverse("associations:status", args=[association.pk])).content.decode()
    assert "status-tag--suspended" in page and "status-tag--revoked" not in page

    _token, raw = api_token_create(association=association, user=staff, name="Rapport")
    answer = client.get(
        f"/api/v1/associations/{association.pk}/certificates",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    ).json()
    statuses = {item["name"]: item["status"] for item in answer}
    assert statuses["Pauze Pim"] == "suspended"
