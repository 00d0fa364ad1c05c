"""A reflection belongs to the learner's current cohort: when a learner re-joins
the course in another cohort, its trainers see the reflection and the old
cohort's trainers no longer do."""

import pytest

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ReflectionAssignmentPageFactory,
    TrainerFactory,
    build_course,
    submitted_reflection,
)
from training.assessments.models import Submission
from training.assessments.reflections.permissions import submissions_readable_by
from training.assessments.reflections.selectors import trainer_queue
from training.learning.services import enrolment_join, enrolment_leave

pytestmark = pytest.mark.django_db


def test_reflections_follow_the_learner_to_the_new_cohort():
    course = build_course(modules=1, lessons_per_module=1, sequential=False)
    assignment = ReflectionAssignmentPageFactory(parent=course.get_children().first())
    old_trainer, new_trainer = TrainerFactory(), TrainerFactory()
    old = CohortFactory(course=course, trainers=[old_trainer])
    new = CohortFactory(course=course, trainers=[new_trainer])
    enrolment = EnrolmentFactory(cohort=old)
    reflection = submitted_reflection(enrolment=enrolment, assignment=assignment)

    enrolment_leave(enrolment=enrolment)
    enrolment_join(learner=enrolment.learner, cohort=new)

    reflection.refresh_from_db()
    assert reflection.cohort == new
    assert submissions_readable_by(new_trainer).filter(pk=reflection.pk).exists()
    assert not submissions_readable_by(old_trainer).filter(pk=reflection.pk).exists()
    assert [row.submission for row in trainer_queue(cohort=new)] == [reflection]
    assert trainer_queue(cohort=old) == []
    assert Submission.objects.filter(cohort=old).count() == 0
