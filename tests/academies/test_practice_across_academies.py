"""The shared national course is run by several academies: its written practice pairs
never join a learner of one academy with a learner of another (each would read the
other's practice, and so would their trainers)."""

import datetime

import pytest
import time_machine

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ModulePageFactory,
    academy_create,
    build_course,
)
from tests.practice.factories import PracticeActivityPageFactory
from tests.practice.test_services import opt_in_all
from training.practice import services
from training.practice.errors import NoPartnerElsewhere
from training.practice.models import PracticeGroup

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def activity():
    course = build_course(modules=1, lessons_per_module=1)  # the platform's shared course
    return PracticeActivityPageFactory(parent=ModulePageFactory(parent=course))


def test_a_written_partner_comes_from_the_same_academy_never_another(activity):
    a, b = academy_create("Academie A"), academy_create("Academie B")
    in_a = EnrolmentFactory(cohort=CohortFactory(academy=a, course=activity.course))
    other_in_a = EnrolmentFactory(cohort=CohortFactory(academy=a, course=activity.course))
    in_b = EnrolmentFactory(cohort=CohortFactory(academy=b, course=activity.course))
    on_platform = EnrolmentFactory(cohort=CohortFactory(course=activity.course))
    with time_machine.travel(MONDAY, tick=False) as clock:
        # B's and the platform's learners have waited longest: still not A's partner.
        opt_in_all(activity, [in_b, on_platform])
        clock.shift(datetime.timedelta(days=1))
        opt_in_all(activity, [in_a])
        with pytest.raises(NoPartnerElsewhere):
            services.practice_written_partner_pair(activity=activity, enrolment=in_a)
        assert not PracticeGroup.objects.exists()

        opt_in_all(activity, [other_in_a])
        group = services.practice_written_partner_pair(activity=activity, enrolment=in_a)
    assert {m.enrolment for m in group.members.all()} == {in_a, other_in_a}
