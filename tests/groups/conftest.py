import datetime
import uuid

import pytest
from django.core.cache import cache

from tests.conftest import WEDNESDAY_NOON
from tests.factories import EnrolmentFactory
from training.groups import services
from training.groups.models import STATEMENT_FIELDS


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock(pinned_clock):
    return pinned_clock(WEDNESDAY_NOON)


@pytest.fixture
def facilitator(db):
    return EnrolmentFactory().learner


@pytest.fixture
def group(facilitator):
    group, _created = services.peer_group_create(
        facilitator=facilitator, client_id=uuid.uuid4(), name="Leven met reuma, avondgroep"
    )
    return group


def open_moment(group, *, held_on=None, lifetime_hours=None):
    meeting = services.meeting_get_or_create(
        group=group, held_on=held_on or datetime.date(2026, 3, 4)
    )
    return services.moment_open(meeting=meeting, lifetime_hours=lifetime_hours)


@pytest.fixture
def moment(group, clock):
    return open_moment(group)


def scores(value=5):
    return dict.fromkeys(STATEMENT_FIELDS, value)


def answer(moment, *, value=5, open_answer="", gains=frozenset()):
    return services.answer_submit(
        moment=moment,
        phone_secret=services.new_phone_secret(),
        scores=scores(value),
        gains=gains,
        open_answer=open_answer,
    )


def post_data(value=5, **overrides):
    data = {name: str(value) for name in STATEMENT_FIELDS}
    data["gains"] = ["gain_recognition", "gain_support"]
    data["open_answer"] = "Dat ik mijn verhaal kwijt kon."
    data.update(overrides)
    return data


@pytest.fixture
def association(facilitator):
    from django.utils import timezone

    from tests.factories import AssociationFactory, UserFactory
    from training.associations.models import AssociationMembership

    association = AssociationFactory(staff=[UserFactory()])
    AssociationMembership.objects.create(
        association=association, learner=facilitator, confirmed_at=timezone.now()
    )
    return association


@pytest.fixture
def association_staff(association):
    return association.staff.get()
