"""One scoping rule per relation (`training.learning.permissions`), used by every policy.

- Who trains a cohort is decided in one function: being named on the cohort is not
  enough without the Trainer group and an active account.
- No module but `training/learning/permissions.py` writes the trainer relation itself
  (`cohort__trainers=…`, `trainers=user`, `.trainers.filter(`): a policy that did would
  be a second rule that can drift from the first.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from tests.factories import CohortFactory, EnrolmentFactory, TrainerFactory, UserFactory
from training.courses.permissions import TRAINER_GROUP
from training.learning.permissions import (
    cohorts_led_by,
    cohorts_trained_by,
    learners_trained_by,
    trainers_of_learner,
)

TRAINING = Path(__file__).resolve().parents[2] / "training"
OWN_TRAINER_RULE = re.compile(
    r"cohort__trainers\b|\btrainers=(user|request\.user)|\.trainers\.filter\("
)


def test_no_module_writes_its_own_trainer_rule():
    offenders = [
        f"{path.relative_to(TRAINING)}:{number}"
        for path in TRAINING.rglob("*.py")
        if "migrations" not in path.parts and "demo" not in path.parts
        if path != TRAINING / "learning" / "permissions.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if OWN_TRAINER_RULE.search(line)
    ]
    assert offenders == []


def test_the_rule_catches_a_policy_with_its_own_trainer_rule():
    assert OWN_TRAINER_RULE.search("trained = Q(cohort__trainers=user)")
    assert OWN_TRAINER_RULE.search("submission.cohort.trainers.filter(pk=user.pk)")


@pytest.mark.django_db
def test_a_named_trainer_in_the_group_trains_the_cohort():
    trainer = TrainerFactory()
    cohort = CohortFactory(trainers=[trainer])
    CohortFactory()
    assert list(cohorts_trained_by(trainer)) == [cohort]
    assert list(cohorts_led_by(trainer)) == [cohort]


@pytest.mark.django_db
def test_named_on_a_cohort_without_the_trainer_group_trains_nothing():
    trainer = TrainerFactory()
    cohort = CohortFactory(trainers=[trainer])
    EnrolmentFactory(cohort=cohort)
    trainer.groups.remove(Group.objects.get(name=TRAINER_GROUP))
    assert not cohorts_trained_by(trainer).exists()
    assert not learners_trained_by(trainer).exists()


@pytest.mark.django_db
def test_a_deactivated_trainer_trains_nothing():
    trainer = TrainerFactory()
    CohortFactory(trainers=[trainer])
    trainer.is_active = False
    trainer.save()
    assert not cohorts_trained_by(trainer).exists()


@pytest.mark.django_db
def test_a_superuser_acts_on_every_cohort_but_leads_only_their_own():
    admin = UserFactory(is_superuser=True)
    own = CohortFactory(trainers=[admin])
    other = CohortFactory()
    assert set(cohorts_trained_by(admin)) == {own, other}
    assert list(cohorts_led_by(admin)) == [own]


@pytest.mark.django_db
def test_learners_and_trainers_are_one_relation_read_both_ways():
    trainer, former = TrainerFactory(), TrainerFactory()
    enrolment = EnrolmentFactory(cohort=CohortFactory(trainers=[trainer, former]))
    EnrolmentFactory()
    former.groups.clear()
    assert list(learners_trained_by(trainer).values_list("learner_id", flat=True)) == [
        enrolment.learner_id
    ]
    assert list(trainers_of_learner(enrolment.learner)) == [trainer]


@pytest.mark.django_db
def test_an_anonymous_visitor_trains_nothing():
    from django.contrib.auth.models import AnonymousUser

    assert not cohorts_trained_by(AnonymousUser()).exists()
    assert not cohorts_trained_by(None).exists()
