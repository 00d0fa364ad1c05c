"""The certificate policy: who may see, revoke and download which certificate, and sign off."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.permissions import policy_registry

from tests.factories import (
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
)
from training.certificates.models import Certificate
from training.certificates.policies import certificate_policy

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    return CertificateFactory()


def test_the_policy_is_registered_for_certificates():
    assert policy_registry.get_by_type(Certificate) is certificate_policy


@pytest.mark.parametrize("action", ["view", "revoke", "download"])
def test_the_cohorts_trainer_may(certificate, action):
    trainer = certificate.cohort.trainers.get()
    assert certificate_policy.user_has_permission(trainer, action)
    assert certificate_policy.user_has_permission_for_instance(trainer, action, certificate)


@pytest.mark.parametrize("action", ["view", "revoke", "download"])
def test_another_trainer_may_not(certificate, action):
    other = TrainerFactory()
    assert certificate_policy.user_has_permission(other, action)  # their own list, empty
    assert not certificate_policy.user_has_permission_for_instance(other, action, certificate)
    assert not certificate_policy.instances_user_has_permission_for(other, action).exists()


def test_the_holder_may_download_but_not_manage(certificate):
    learner = certificate.learner
    assert certificate_policy.user_has_permission_for_instance(learner, "download", certificate)
    for action in ("view", "revoke"):
        assert not certificate_policy.user_has_permission(learner, action)
        assert not certificate_policy.user_has_permission_for_instance(learner, action, certificate)


@pytest.mark.parametrize("action", ["view", "revoke", "download"])
def test_a_superuser_may_do_everything(certificate, action):
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert certificate_policy.user_has_permission_for_instance(admin, action, certificate)


@pytest.mark.parametrize("action", ["view", "revoke", "download"])
def test_anonymous_may_not(certificate, action):
    anonymous = AnonymousUser()
    assert not certificate_policy.user_has_permission(anonymous, action)
    assert not certificate_policy.user_has_permission_for_instance(anonymous, action, certificate)


def test_sign_off_only_in_own_cohorts_for_courses_that_ask_for_it(course):
    course.require_trainer_signoff = True
    course.save()
    trainer = TrainerFactory()
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course, trainers=[trainer]))
    assert certificate_policy.user_may_sign_off(trainer, enrolment)
    assert list(certificate_policy.enrolments_for_signoff(trainer)) == [enrolment]
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert certificate_policy.user_may_sign_off(admin, enrolment)
    for outsider in (TrainerFactory(), enrolment.learner, AnonymousUser()):
        assert not certificate_policy.user_may_sign_off(outsider, enrolment)

    course.require_trainer_signoff = False
    course.save()
    assert not certificate_policy.user_may_sign_off(trainer, enrolment)
