"""Course data for the cluster smoke tests, made through the real services."""

from tests.certificates.helpers import complete_course
from tests.cluster.conftest import learner
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ReflectionAssignmentPageFactory,
    build_course,
    knowledge_check_block,
    paragraph_block,
)


def reflection_draft():
    """A learner, password and open submission of a reflection assignment."""
    from training.assessments.reflections import services

    user, password = learner()
    course = build_course(modules=1, lessons_per_module=1, sequential=False)
    assignment = ReflectionAssignmentPageFactory(parent=course.get_children().first())
    enrolment = EnrolmentFactory(learner=user, cohort=CohortFactory(course=course))
    submission = services.submission_get_or_create(enrolment=enrolment, assignment=assignment)
    return user, password, submission


def certified_course(learners: int):
    """A course with a knowledge check, and `learners` (user, password, enrolment) in one cohort."""
    course = build_course(modules=3, lessons_per_module=1, certificate_validity_years=3)
    LessonPageFactory(
        parent=course.get_children().first(), body=[paragraph_block(), knowledge_check_block()]
    )
    cohort = CohortFactory(course=course, capacity=max(20, learners))
    people = []
    for _ in range(learners):
        user, password = learner()
        people.append((user, password, EnrolmentFactory(learner=user, cohort=cohort)))
    return people


def complete(enrolment) -> None:
    """Complete the course: the certificate task goes into the database queue for a worker."""
    complete_course(enrolment)
