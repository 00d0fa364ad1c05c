import pytest
from django.core.cache import cache

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    build_course,
    knowledge_check_block,
    paragraph_block,
)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def course(db):
    """Three modules (one per pillar), two lessons each, one lesson with a knowledge check."""
    course = build_course(modules=3, lessons_per_module=2, certificate_validity_years=3)
    module = course.get_children().first()
    LessonPageFactory(parent=module, body=[paragraph_block(), knowledge_check_block()])
    return course


@pytest.fixture
def enrolment(course):
    return EnrolmentFactory(cohort=CohortFactory(course=course))
