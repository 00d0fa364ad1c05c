"""A facilitator trained in academies A and B shares the figures of their peer-support
groups with their trainers: a group run under an association of academy B is B's (its
trainers see its figures, A's do not); a group under no academy stays with every trainer
who trained the facilitator, as before academies."""

import uuid

import pytest

from tests.factories import (
    AssociationFactory,
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    academy_create,
    academy_person,
)
from training.groups.models import PeerGroup
from training.groups.permissions import groups_shared_with_trainer

pytestmark = pytest.mark.django_db


def test_a_group_under_b_s_association_is_shared_with_b_s_trainers_only():
    a, b = academy_create("Academie A"), academy_create("Academie B")
    trainer_a, trainer_b = academy_person(a, "trainer"), academy_person(b, "trainer")
    admin_a = academy_person(a, "administrator")
    facilitator = UserFactory()
    EnrolmentFactory(cohort=CohortFactory(academy=a, trainers=[trainer_a]), learner=facilitator)
    EnrolmentFactory(cohort=CohortFactory(academy=b, trainers=[trainer_b]), learner=facilitator)

    def group(association):
        return PeerGroup.objects.create(
            facilitator=facilitator,
            client_id=uuid.uuid4(),
            name="Avondgroep",
            association=association,
            shared_with_trainers=True,
        )

    under_b = group(AssociationFactory(academy=b))
    on_its_own = group(None)
    under_plain_association = group(AssociationFactory())

    def seen(person):
        return set(groups_shared_with_trainer(person))

    assert seen(trainer_b) == {under_b, on_its_own, under_plain_association}
    assert seen(trainer_a) == {on_its_own, under_plain_association}
    assert seen(admin_a) == {on_its_own, under_plain_association}
