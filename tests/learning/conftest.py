"""Fixtures the learning tests share: a trainer, their cohort, two learners in it."""

import pytest

from tests.factories import CohortFactory, EnrolmentFactory, TrainerFactory


@pytest.fixture
def trainer(db):
    return TrainerFactory(display_name="Tineke Trainer")


@pytest.fixture
def cohort(trainer):
    return CohortFactory(name="Voorjaarsgroep", trainers=[trainer])


@pytest.fixture
def learners(cohort):
    return [EnrolmentFactory(cohort=cohort).learner for _ in range(2)]
