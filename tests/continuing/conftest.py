import pytest

from tests.factories import EnrolmentFactory


@pytest.fixture
def enrolment(db):
    return EnrolmentFactory()


@pytest.fixture
def facilitator(enrolment):
    return enrolment.learner


@pytest.fixture
def trainer(enrolment):
    return enrolment.cohort.trainers.get()
