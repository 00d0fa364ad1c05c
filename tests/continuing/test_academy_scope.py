"""After-course work is addressed to one academy: its trainers see it, no other academy's.

A facilitator trained in academies A and B asks for contact, shares a log entry and adds
continued education. Each is addressed to one place (an academy, or the platform): the
one the facilitator chose, or the only place they learn in. A's trainers and
administrators see only what is addressed to A, in the policies, the admin screens and
the emails (`training.continuing.permissions`).
"""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
    academy_create,
    academy_person,
    login_with_mfa,
)
from training.continuing import errors, services
from training.continuing.models import ExternalActivity, PracticeSession, SupportRequest
from training.continuing.permissions import (
    activities_decidable_by,
    sessions_shared_with,
    support_requests_for,
)
from training.learning.permissions import academies_of_learner

from .test_practice_log import session_fields
from .test_renewal import proof

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clock(pinned_clock):
    pinned_clock(datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.UTC))


@pytest.fixture
def two():
    """Academies A and B, each with a trainer and an administrator, and one learner in both."""
    a, b = academy_create("Academie A"), academy_create("Academie B")
    people = {}
    for label, academy in (("A", a), ("B", b)):
        people[f"trainer {label}"] = academy_person(academy, "trainer")
        people[f"admin {label}"] = academy_person(academy, "administrator")
    learner = UserFactory(display_name="Sanne Tweemaal")
    EnrolmentFactory(
        cohort=CohortFactory(academy=a, trainers=[people["trainer A"]]),
        learner=learner,
        enrolled_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
    )
    EnrolmentFactory(
        cohort=CohortFactory(academy=b, trainers=[people["trainer B"]]),
        learner=learner,
        enrolled_at=datetime.datetime(2026, 6, 5, tzinfo=datetime.UTC),
    )
    return a, b, people, learner


def _sees(fn, person, obj) -> bool:
    return fn(person).filter(pk=obj.pk).exists()


def test_a_learner_in_two_academies_learns_in_both_the_latest_first(two):
    a, b, _, learner = two
    assert academies_of_learner(learner) == [b, a]


def test_a_support_request_to_b_is_seen_by_b_s_trainers_only(two):
    a, b, people, learner = two
    request, _ = services.support_request_raise(facilitator=learner, academy=b)
    assert request.academy == b
    assert _sees(support_requests_for, people["trainer B"], request)
    assert _sees(support_requests_for, people["admin B"], request)
    assert not _sees(support_requests_for, people["trainer A"], request)
    assert not _sees(support_requests_for, people["admin A"], request)


def test_a_shared_session_for_a_is_seen_by_a_s_trainers_only(two):
    a, b, people, learner = two
    session, _ = services.practice_session_create(
        facilitator=learner,
        client_id=uuid.uuid4(),
        academy=a,
        **session_fields(shared_with_trainer=True),
    )
    assert session.academy == a
    assert _sees(sessions_shared_with, people["trainer A"], session)
    assert _sees(sessions_shared_with, people["admin A"], session)
    assert not _sees(sessions_shared_with, people["trainer B"], session)
    assert not _sees(sessions_shared_with, people["admin B"], session)


def test_an_external_activity_for_b_is_decided_by_b_s_trainers_only(two):
    a, b, people, learner = two
    activity = services.external_activity_add(
        facilitator=learner,
        client_id=uuid.uuid4(),
        academy=b,
        proof=proof(),
        title="Studiedag rouw",
        done_on=datetime.date(2026, 11, 2),
        hours=Decimal("3"),
        on_boundaries=False,
    )
    assert activity.academy == b
    assert _sees(activities_decidable_by, people["trainer B"], activity)
    assert not _sees(activities_decidable_by, people["trainer A"], activity)
    assert not _sees(activities_decidable_by, people["admin A"], activity)


def test_without_a_choice_the_latest_place_is_addressed(two):
    _, b, _, learner = two
    request, _ = services.support_request_raise(facilitator=learner)
    assert request.academy == b


def test_a_learner_of_one_academy_needs_no_choice(two):
    a, _, people, _ = two
    learner = EnrolmentFactory(cohort=CohortFactory(academy=a)).learner
    session, _ = services.practice_session_create(
        facilitator=learner, client_id=uuid.uuid4(), **session_fields(shared_with_trainer=True)
    )
    assert session.academy == a
    assert _sees(sessions_shared_with, people["admin A"], session)


def test_a_place_the_learner_does_not_learn_in_is_refused(two):
    *_, learner = two
    elsewhere = academy_create("Academie C")
    with pytest.raises(errors.NotYourPlace):
        services.support_request_raise(facilitator=learner, academy=elsewhere)
    assert not SupportRequest.objects.exists()


def test_platform_and_academy_keep_apart(two):
    a, _, people, learner = two
    platform_trainer = TrainerFactory()
    EnrolmentFactory(cohort=CohortFactory(trainers=[platform_trainer]), learner=learner)
    to_platform, _ = services.support_request_raise(facilitator=learner, academy=None)
    assert to_platform.academy is None
    assert _sees(support_requests_for, platform_trainer, to_platform)
    assert not _sees(support_requests_for, people["trainer A"], to_platform)
    services.support_request_follow_up(request=to_platform, trainer=platform_trainer)
    to_a, _ = services.support_request_raise(facilitator=learner, academy=a)
    assert not _sees(support_requests_for, platform_trainer, to_a)


def test_one_open_request_per_place(two):
    a, b, _, learner = two
    first, created = services.support_request_raise(facilitator=learner, academy=a)
    again, created_again = services.support_request_raise(facilitator=learner, academy=a)
    other, created_other = services.support_request_raise(facilitator=learner, academy=b)
    assert created and not created_again and again == first
    assert created_other and other != first
    assert SupportRequest.objects.count() == 2


def test_the_email_goes_to_the_addressed_academys_trainers_only(
    two, django_capture_on_commit_callbacks
):
    a, _, people, learner = two
    with django_capture_on_commit_callbacks(execute=True):
        services.support_request_raise(facilitator=learner, academy=a)
    assert [m.to for m in mail.outbox] == [[people["trainer A"].email]]


def test_a_s_trainer_sees_only_a_s_items_in_the_admin(two, client):
    a, b, people, learner = two
    for academy, text in ((a, "Voor A gedeeld"), (b, "GEHEIM-B gedeeld")):
        services.practice_session_create(
            facilitator=learner,
            client_id=uuid.uuid4(),
            academy=academy,
            **session_fields(shared_with_trainer=True, group_kind=text),
        )
    b_request, _ = services.support_request_raise(facilitator=learner, academy=b)
    b_activity = services.external_activity_add(
        facilitator=learner,
        client_id=uuid.uuid4(),
        academy=b,
        proof=proof(),
        title="GEHEIM-B studiedag",
        done_on=datetime.date(2026, 11, 2),
        hours=Decimal("3"),
        on_boundaries=False,
    )
    login_with_mfa(client, people["trainer A"])
    listing = client.get(reverse("shared_sessions:index")).content.decode()
    assert "Voor A gedeeld" in listing and "GEHEIM-B" not in listing
    assert "GEHEIM-B" not in client.get(reverse("external_activities:index")).content.decode()
    assert "Sanne" not in client.get(reverse("support_requests:index")).content.decode()
    for url in (
        reverse("support_requests:follow_up", args=[b_request.pk]),
        reverse("external_activities:decide", args=[b_activity.pk]),
        reverse("external_activities:proof", args=[b_activity.pk]),
        reverse(
            "shared_sessions:inspect",
            args=[PracticeSession.objects.get(group_kind__startswith="GEHEIM").pk],
        ),
    ):
        assert client.get(url).status_code == 404, url
    assert ExternalActivity.objects.count() == 1


def test_the_forms_offer_the_choice_only_to_a_learner_of_several_places(two, client):
    a, b, _, learner = two
    client.force_login(learner)
    for name in ("continuing:wellbeing", "continuing:session_new", "continuing:activity_new"):
        body = client.get(reverse(name)).content.decode()
        assert 'name="academy"' in body and "Academie A" in body and "Academie B" in body, name
    single = EnrolmentFactory(cohort=CohortFactory(academy=a)).learner
    client.force_login(single)
    assert 'name="academy"' not in client.get(reverse("continuing:wellbeing")).content.decode()


def test_the_chosen_academy_gets_the_request_and_the_email(
    two, client, django_capture_on_commit_callbacks
):
    a, _, people, learner = two
    client.force_login(learner)
    data = {
        "client_id": str(uuid.uuid4()),
        "energy_cost": 3,
        "energy_gain": 2,
        "sleep": 2,
        "wants_contact": "on",
        "academy": str(a.pk),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("continuing:wellbeing"), data)
    assert response.status_code == 302
    assert SupportRequest.objects.get().academy == a
    assert [m.to for m in mail.outbox] == [[people["trainer A"].email]]


def test_an_unknown_academy_in_the_form_is_a_friendly_error_that_keeps_the_text(two, client):
    *_, learner = two
    elsewhere = academy_create("Academie C")
    client.force_login(learner)
    data = {
        "client_id": str(uuid.uuid4()),
        **{k: v for k, v in session_fields(shared_with_trainer=True).items() if v != ""},
        "held_on": "2026-11-20",
        "academy": str(elsewhere.pk),
    }
    response = client.post(reverse("continuing:session_new"), data)
    assert response.status_code == 200
    assert not PracticeSession.objects.exists()
    assert session_fields()["listening_moment"] in response.content.decode()
