"""The permission policies of reflections, concerns, ratings and extensions in the admin."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.permissions import policy_registry

from tests.assessments.reflection_admin import make_queue, staff_without_cohorts
from tests.factories import (
    ConcernFlagFactory,
    PeerReviewFactory,
    ReviewRatingFactory,
    TrainerFactory,
    UserFactory,
)
from training.assessments.models import ConcernFlag, DeadlineExtension, ReviewRating, Submission
from training.assessments.policies import (
    ConcernFlagPolicy,
    DeadlineExtensionPolicy,
    ReviewRatingPolicy,
    SubmissionPolicy,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """One cohort with a reflection, a concern, a rated review and an extension."""
    queue = make_queue(learners=3, submission_due_on=datetime.date.today())
    a, b, _c = queue.enrolments
    submission = queue.submit(a)
    flag = ConcernFlagFactory(submission=submission, raised_by=b.learner)
    rating = ReviewRatingFactory(
        review=PeerReviewFactory(submission=submission, reviewer=b.learner)
    )
    extension = DeadlineExtension.objects.create(
        enrolment=b,
        assignment=queue.assignment,
        kind="submission",
        until=datetime.date.today() + datetime.timedelta(days=9),
    )
    return queue, {
        Submission: submission,
        ConcernFlag: flag,
        ReviewRating: rating,
        DeadlineExtension: extension,
    }


POLICIES = {
    Submission: ("view", "decide", "raise_concern"),
    ConcernFlag: ("view", "follow_up"),
    ReviewRating: ("view",),
    DeadlineExtension: ("view", "delete"),
}


def test_each_model_has_its_own_registered_policy():
    assert isinstance(policy_registry.get_by_type(Submission), SubmissionPolicy)
    assert isinstance(policy_registry.get_by_type(ConcernFlag), ConcernFlagPolicy)
    assert isinstance(policy_registry.get_by_type(ReviewRating), ReviewRatingPolicy)
    assert isinstance(policy_registry.get_by_type(DeadlineExtension), DeadlineExtensionPolicy)


def _allowed(user, instance, action):
    policy = policy_registry.get(instance)
    return (
        policy.user_has_permission_for_instance(user, action, instance),
        list(policy.instances_user_has_permission_for(user, action)),
        policy.user_has_permission(user, action),
    )


@pytest.mark.parametrize("model", POLICIES)
def test_the_trainer_of_the_cohort_may_do_every_action(world, model):
    queue, objects = world
    for action in POLICIES[model]:
        assert _allowed(queue.trainer, objects[model], action) == (True, [objects[model]], True)


@pytest.mark.parametrize("model", POLICIES)
def test_a_superuser_may_do_every_action(world, model):
    _queue, objects = world
    admin = UserFactory(is_superuser=True, is_staff=True)
    for action in POLICIES[model]:
        assert _allowed(admin, objects[model], action)[0]


@pytest.mark.parametrize(
    "who", ["other_trainer", "author", "fellow_learner", "staff", "anonymous", "nobody"]
)
@pytest.mark.parametrize("model", POLICIES)
def test_anyone_else_may_do_nothing(world, model, who):
    queue, objects = world
    other = make_queue(learners=1)
    user = {
        "other_trainer": other.trainer,
        "author": queue.enrolments[0].learner,
        "fellow_learner": queue.enrolments[1].learner,
        "staff": staff_without_cohorts(),
        "anonymous": AnonymousUser(),
        "nobody": TrainerFactory(),
    }[who]
    for action in POLICIES[model]:
        allowed, instances, _any = _allowed(user, objects[model], action)
        assert not allowed
        assert objects[model] not in instances


@pytest.mark.parametrize("model", POLICIES)
def test_an_unknown_action_is_refused_even_to_a_superuser(world, model):
    _queue, objects = world
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert not _allowed(admin, objects[model], "change")[0]


def test_extensions_may_be_given_to_active_learners_of_own_cohorts_only(world):
    queue, _objects = world
    other = make_queue(learners=1)
    policy = policy_registry.get_by_type(DeadlineExtension)
    left = queue.enrolments[2]
    left.status = left.Status.LEFT
    left.save()

    mine = set(policy.enrolments_to_extend(queue.trainer))

    assert mine == set(queue.enrolments[:2])
    assert not policy.enrolments_to_extend(other.trainer).filter(cohort=queue.cohort).exists()
    assert not policy.enrolments_to_extend(AnonymousUser()).exists()
