"""The scoping rule by academy (`training.learning.permissions`): who trains which cohort.

A trainer trains the cohorts they are named on, and only where they hold the trainer role:
the Trainer group for platform cohorts, a trainer or administrator role in the cohort's
academy for an academy's cohorts. An academy's administrators train all its cohorts.
"""

import pytest

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
    academy_course,
    academy_create,
    academy_person,
)
from training.learning.permissions import (
    cohorts_led_by,
    cohorts_trained_by,
    is_trainer,
    learners_trained_by,
    trainers_of_learner,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def academies():
    return academy_create("Academie A"), academy_create("Academie B")


def test_an_academy_trainer_trains_the_cohorts_of_their_academy_they_are_named_on(academies):
    a, _ = academies
    trainer = academy_person(a, "trainer")
    named = CohortFactory(academy=a, course=academy_course(a), trainers=[trainer])
    CohortFactory(academy=a, course=academy_course(a))
    assert list(cohorts_trained_by(trainer)) == [named]
    assert list(cohorts_led_by(trainer)) == [named]
    assert is_trainer(trainer)


def test_named_on_another_academys_cohort_trains_nothing_there(academies):
    a, b = academies
    trainer = academy_person(a, "trainer")
    foreign = CohortFactory(academy=b, course=academy_course(b), trainers=[trainer])
    EnrolmentFactory(cohort=foreign)
    assert not cohorts_trained_by(trainer).exists()
    assert not cohorts_led_by(trainer).exists()
    assert not learners_trained_by(trainer).exists()


def test_a_platform_trainer_does_not_train_an_academys_cohort_nor_the_reverse(academies):
    a, _ = academies
    platform_trainer = TrainerFactory()
    academy_trainer = academy_person(a, "trainer")
    academy_cohort = CohortFactory(academy=a, trainers=[platform_trainer])
    platform_cohort = CohortFactory(trainers=[academy_trainer])
    assert list(cohorts_trained_by(platform_trainer)) == []
    assert list(cohorts_trained_by(academy_trainer)) == []
    assert academy_cohort.academy == a and platform_cohort.academy is None


def test_an_academy_runs_a_cohort_of_the_shared_national_course(academies):
    a, _ = academies
    trainer = academy_person(a, "trainer")
    national = CohortFactory().course  # a course in the platform's catalogue
    cohort = CohortFactory(academy=a, course=national, trainers=[trainer])
    learner = EnrolmentFactory(cohort=cohort).learner
    assert list(cohorts_trained_by(trainer)) == [cohort]
    assert list(trainers_of_learner(learner)) == [trainer]


def test_an_academy_administrator_trains_every_cohort_of_their_academy_only(academies):
    a, b = academies
    admin = academy_person(a, "administrator")
    own = [CohortFactory(academy=a), CohortFactory(academy=a)]
    CohortFactory(academy=b)
    CohortFactory()
    assert set(cohorts_trained_by(admin)) == set(own)
    assert not cohorts_led_by(admin).exists()


def test_staff_train_nothing_and_are_not_trainers(academies):
    a, _ = academies
    staff = academy_person(a, "staff")
    CohortFactory(academy=a, trainers=[staff])
    assert not cohorts_trained_by(staff).exists()
    assert not is_trainer(staff)


def test_one_person_trains_in_two_academies_and_is_a_learner_in_a_third(academies):
    a, b = academies
    c = academy_create("Academie C")
    person = academy_person(a, "trainer")
    platform_admin = UserFactory(is_superuser=True)
    from training.academies.services import academy_role_grant

    academy_role_grant(academy=b, person=person, role="trainer", user=platform_admin)
    in_a = CohortFactory(academy=a, trainers=[person])
    in_b = CohortFactory(academy=b, trainers=[person])
    EnrolmentFactory(cohort=CohortFactory(academy=c), learner=person)
    assert set(cohorts_trained_by(person)) == {in_a, in_b}


def test_trainers_of_a_learner_leave_out_those_without_the_role_there(academies):
    a, b = academies
    qualified = academy_person(a, "trainer")
    other_academy = academy_person(b, "trainer")
    cohort = CohortFactory(academy=a, trainers=[qualified, other_academy])
    learner = EnrolmentFactory(cohort=cohort).learner
    assert list(trainers_of_learner(learner)) == [qualified]


def test_a_deactivated_academy_trainer_trains_nothing(academies):
    a, _ = academies
    trainer = academy_person(a, "trainer")
    CohortFactory(academy=a, trainers=[trainer])
    trainer.is_active = False
    trainer.save()
    assert not cohorts_trained_by(trainer).exists()
    assert not is_trainer(trainer)


def test_erasing_an_account_takes_away_its_academy_roles_and_groups(academies):
    from training.academies.models import AcademyRole
    from training.privacy.services import account_erase

    a, _ = academies
    trainer = academy_person(a, "trainer")
    account_erase(user=trainer)
    assert not AcademyRole.objects.filter(user=trainer).exists()
    assert not trainer.groups.exists()
