"""Deadlines are dates in Amsterdam, the same for allocation and for what the
trainer sees: between 00:00 and 02:00 local time (22:00–24:00 UTC) the UTC date
is still yesterday, and no part of the code may use it."""

import datetime
import zoneinfo

import pytest
import time_machine

from tests.factories import reflection_cohort, submitted_reflection
from training.assessments.reflections import allocation, selectors
from training.assessments.reflections.reasons import FallbackReason, StuckReason

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
DUE = datetime.date(2026, 6, 10)
# 00:30 on 11 June in Amsterdam (summer time, UTC+2) is 22:30 on 10 June in UTC.
JUST_AFTER_MIDNIGHT = datetime.datetime(2026, 6, 11, 0, 30, tzinfo=AMSTERDAM)
JUST_BEFORE_MIDNIGHT = datetime.datetime(2026, 6, 10, 23, 30, tzinfo=AMSTERDAM)


@pytest.fixture
def setup():
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=AMSTERDAM), tick=False):
        assignment, (early, late, other) = reflection_cohort(
            learners=3, submission_due_on=DUE, review_due_on=DUE
        )
        reflection = submitted_reflection(enrolment=early, assignment=assignment)
    return assignment, early, late, reflection


@pytest.mark.parametrize(
    ("moment", "passed"), [(JUST_BEFORE_MIDNIGHT, False), (JUST_AFTER_MIDNIGHT, True)]
)
def test_allocation_and_the_trainers_view_agree_across_midnight(setup, moment, passed):
    assignment, early, late, reflection = setup
    with time_machine.travel(moment, tick=False):
        snapshot = allocation.AssignmentAllocation(cohort=early.cohort, assignment=assignment)
        assert snapshot.submission_deadline_passed is passed
        assert snapshot.review_deadline_passed is passed
        state = allocation.submission_review_state(submission=reflection)
        assert (state.reason == FallbackReason.DEADLINE) is passed
        stuck = selectors.stuck_learners(cohort=early.cohort, assignment=assignment)
    late_reasons = {s.reason for s in stuck if s.enrolment == late}
    assert (StuckReason.NOT_SUBMITTED_AFTER_DEADLINE in late_reasons) is passed


def test_reasons_are_choices_not_strings_to_split(setup):
    assignment, early, late, reflection = setup
    with time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False):
        stuck = selectors.stuck_learners(cohort=early.cohort, assignment=assignment)
    needs_trainer = [s for s in stuck if s.reason == StuckReason.NEEDS_TRAINER_REVIEW]
    assert [(s.enrolment, s.fallback) for s in needs_trainer] == [(early, FallbackReason.DEADLINE)]
    assert all(isinstance(s.reason, StuckReason) for s in stuck)
