"""The cohort policy: the one answer to who may do what with which cohort."""

import pytest
from wagtail.permissions import policy_registry

from tests.factories import CohortFactory, EnrolmentFactory, TrainerFactory, UserFactory
from training.learning.models import Cohort
from training.learning.policies import CohortPolicy, cohort_policy

pytestmark = pytest.mark.django_db

ACTIONS = ["view", "change", "invite"]


@pytest.fixture
def cohort():
    return CohortFactory()


def test_the_policy_is_registered_for_cohorts():
    assert policy_registry.get_by_type(Cohort) is cohort_policy
    assert isinstance(cohort_policy, CohortPolicy)


@pytest.mark.parametrize("action", ACTIONS)
def test_the_cohorts_trainer_may_act_on_it(cohort, action):
    trainer = cohort.trainers.get()
    assert cohort_policy.user_has_permission_for_instance(trainer, action, cohort)
    assert list(cohort_policy.instances_user_has_permission_for(trainer, action)) == [cohort]


@pytest.mark.parametrize("action", [*ACTIONS, "delete"])
def test_another_trainer_may_not(cohort, action):
    other = TrainerFactory()
    CohortFactory(trainers=[other])
    assert not cohort_policy.user_has_permission_for_instance(other, action, cohort)
    assert cohort not in cohort_policy.instances_user_has_permission_for(other, action)


@pytest.mark.parametrize("action", [*ACTIONS, "add", "delete"])
def test_a_learner_of_the_cohort_may_not(cohort, action):
    learner = EnrolmentFactory(cohort=cohort).learner
    assert not cohort_policy.user_has_permission(learner, action)
    assert not cohort_policy.user_has_permission_for_instance(learner, action, cohort)


@pytest.mark.parametrize("action", [*ACTIONS, "delete"])
def test_a_superuser_may_act_on_every_cohort(cohort, action):
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert cohort_policy.user_has_permission_for_instance(admin, action, cohort)


@pytest.mark.parametrize("action", [*ACTIONS, "add", "delete"])
def test_anonymous_may_not(cohort, action):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not cohort_policy.user_has_permission(anonymous, action)
    assert not cohort_policy.user_has_permission_for_instance(anonymous, action, cohort)
    assert not cohort_policy.instances_user_has_permission_for(anonymous, action).exists()


def test_trainers_may_add_without_cohorts_but_never_delete_even_their_own(cohort):
    newcomer = TrainerFactory()
    assert cohort_policy.user_has_permission(newcomer, "add")
    assert cohort_policy.user_has_permission(newcomer, "view")
    trainer = cohort.trainers.get()
    assert not cohort_policy.user_has_permission(trainer, "delete")
    assert not cohort_policy.user_has_permission_for_instance(trainer, "delete", cohort)


def test_an_unknown_action_is_refused(cohort):
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert not cohort_policy.user_has_permission_for_instance(admin, "publish", cohort)
