"""A renewal rule may count reflections on participants' feedback (a trainer-set cap)."""

import datetime
import uuid

import pytest

from tests.factories import CertificateFactory
from training.continuing import selectors
from training.continuing.models import PracticeSession, RenewalRule
from training.groups import services

from .conftest import answer

pytestmark = pytest.mark.django_db


def _reflected_meetings(facilitator, group, count, *, answers=5, reflection="Ik luisterde."):
    for day in range(count):
        held_on = datetime.date(2026, 2, 2) + datetime.timedelta(days=day)
        session = PracticeSession.objects.create(
            facilitator=facilitator,
            client_id=uuid.uuid4(),
            held_on=held_on,
            group_kind=group.name,
            duration_minutes=5,
            listening_moment=reflection,
        )
        meeting = services.meeting_get_or_create(
            group=group, held_on=held_on, practice_session=session
        )
        moment = services.moment_open(meeting=meeting)
        for _ in range(answers):
            answer(moment)


@pytest.fixture
def certificate(facilitator, clock):
    certificate = CertificateFactory(
        enrolment__learner=facilitator, issued_on=datetime.date(2025, 6, 1)
    )
    return certificate


def _rule(certificate, cap):
    return RenewalRule.objects.create(
        qualification=certificate.qualification,
        hours=10,
        boundary_hours=0,
        intervision_hours=0,
        practice_cap_hours=0,
        feedback_reflection_cap_hours=cap,
    )


def test_reflections_on_feedback_count_up_to_the_rules_cap(facilitator, group, certificate):
    _rule(certificate, cap=2)
    _reflected_meetings(facilitator, group, 3)
    progress = selectors.renewal_progress(certificate=certificate)
    kinds = [line.kind for line in progress.lines]
    assert kinds.count("feedback_reflection") == 3
    assert progress.hours == 2


def test_without_the_option_they_do_not_count(facilitator, group, certificate):
    _rule(certificate, cap=0)
    _reflected_meetings(facilitator, group, 3)
    progress = selectors.renewal_progress(certificate=certificate)
    assert "feedback_reflection" not in [line.kind for line in progress.lines]
    assert progress.hours == 0


def test_only_reflections_on_feedback_above_the_threshold_count(facilitator, group, certificate):
    _rule(certificate, cap=5)
    _reflected_meetings(facilitator, group, 1, answers=4)
    assert selectors.renewal_progress(certificate=certificate).hours == 0
