import datetime

import pytest
from django.db import IntegrityError

from tests.factories import CohortFactory, EnrolmentFactory, UserFactory
from training.learning import services
from training.learning.models import Enrolment

pytestmark = pytest.mark.django_db


def test_join_by_invite_creates_one_enrolment_even_when_repeated():
    cohort = CohortFactory()
    learner = UserFactory()

    first = services.enrolment_join_by_invite(learner=learner, token=cohort.invite_token)
    second = services.enrolment_join_by_invite(learner=learner, token=cohort.invite_token)

    assert first.pk == second.pk
    assert Enrolment.objects.filter(learner=learner).count() == 1
    assert first.course_id == cohort.course_id


def test_database_refuses_a_second_enrolment_in_the_same_course():
    enrolment = EnrolmentFactory()
    other_cohort = CohortFactory(course=enrolment.course)
    with pytest.raises(IntegrityError):
        Enrolment.objects.create(
            learner=enrolment.learner, cohort=other_cohort, course=enrolment.course
        )


def test_active_learner_joining_another_cohort_of_the_same_course_keeps_the_first():
    enrolment = EnrolmentFactory()
    other_cohort = CohortFactory(course=enrolment.course)

    result = services.enrolment_join(learner=enrolment.learner, cohort=other_cohort)

    assert result.pk == enrolment.pk
    assert result.cohort_id == enrolment.cohort_id


@pytest.mark.parametrize("token", ["", "bestaat-niet", "x" * 200])
def test_unknown_invite_token_is_refused(token):
    with pytest.raises(services.InviteInvalid):
        services.enrolment_join_by_invite(learner=UserFactory(), token=token)


def test_closed_cohort_refuses_new_learners():
    cohort = CohortFactory(is_open=False)
    with pytest.raises(services.CohortClosed):
        services.enrolment_join(learner=UserFactory(), cohort=cohort)


def test_ended_cohort_refuses_new_learners():
    today = datetime.date.today()
    cohort = CohortFactory(
        starts_on=today - datetime.timedelta(days=60), ends_on=today - datetime.timedelta(days=1)
    )
    with pytest.raises(services.CohortClosed):
        services.enrolment_join(learner=UserFactory(), cohort=cohort)


def test_full_cohort_refuses_the_next_learner_but_not_a_member():
    cohort = CohortFactory(capacity=1)
    member = services.enrolment_join(learner=UserFactory(), cohort=cohort)

    with pytest.raises(services.CohortFull):
        services.enrolment_join(learner=UserFactory(), cohort=cohort)
    assert services.enrolment_join(learner=member.learner, cohort=cohort).pk == member.pk


def test_leaving_frees_a_place_and_rejoining_keeps_progress():
    from training.courses.models import LessonPage

    cohort = CohortFactory(capacity=1)
    enrolment = services.enrolment_join(learner=UserFactory(), cohort=cohort)
    lesson = LessonPage.objects.descendant_of(cohort.course).first()
    services.lesson_complete(enrolment=enrolment, lesson=lesson)

    services.enrolment_leave(enrolment=enrolment)
    newcomer = services.enrolment_join(learner=UserFactory(), cohort=cohort)
    assert newcomer.is_active
    services.enrolment_leave(enrolment=newcomer)
    again = services.enrolment_join(learner=enrolment.learner, cohort=cohort)

    assert again.pk == enrolment.pk and again.is_active and again.left_at is None
    assert again.lesson_progress.filter(lesson=lesson).exists()


def test_self_enrolment_only_where_the_trainer_opened_it():
    closed_to_self = CohortFactory(self_enrolment=False)
    open_to_self = CohortFactory(self_enrolment=True)

    with pytest.raises(services.SelfEnrolmentNotAllowed):
        services.enrolment_self_enrol(learner=UserFactory(), cohort=closed_to_self)
    assert services.enrolment_self_enrol(learner=UserFactory(), cohort=open_to_self).is_active


def test_rotating_the_invite_token_invalidates_the_old_link():
    cohort = CohortFactory()
    old = cohort.invite_token

    services.cohort_rotate_invite(cohort=cohort)

    assert cohort.invite_token != old and len(cohort.invite_token) >= 32
    with pytest.raises(services.InviteInvalid):
        services.enrolment_join_by_invite(learner=UserFactory(), token=old)


def test_completing_a_lesson_twice_keeps_one_row():
    from training.courses.models import LessonPage
    from training.learning.models import LessonProgress

    enrolment = EnrolmentFactory()
    lesson = LessonPage.objects.descendant_of(enrolment.course).first()

    _, created_first = services.lesson_complete(enrolment=enrolment, lesson=lesson)
    _, created_again = services.lesson_complete(enrolment=enrolment, lesson=lesson)

    assert (created_first, created_again) == (True, False)
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1
