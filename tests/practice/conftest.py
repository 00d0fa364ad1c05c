import pytest

from tests.factories import EnrolmentFactory, ModulePageFactory, build_course
from tests.practice.factories import PracticeActivityPageFactory


@pytest.fixture
def activity(db):
    course = build_course(modules=1, lessons_per_module=1)
    module = ModulePageFactory(parent=course)
    return PracticeActivityPageFactory(parent=module)


@pytest.fixture
def learners(activity):
    """Three active enrolments in one cohort of the activity's course."""
    from tests.factories import CohortFactory

    cohort = CohortFactory(course=activity.course)
    return [EnrolmentFactory(cohort=cohort) for _ in range(3)]
