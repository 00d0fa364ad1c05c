"""Every service that can change whether a completion rule is met announces
`progress_changed`, and the certificates app issues what is due on it.

The journey's most common last step is the trainer approving a reflection:
that alone must issue the certificate, without anyone running a command.
"""

import pytest
from django.core.management import call_command

from tests.certificates.helpers import complete_course
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ReflectionAssignmentPageFactory,
    TrainerFactory,
    build_course,
    submitted_reflection,
)
from training.assessments.reflections import allocation, services
from training.certificates.models import Certificate
from training.certificates.services import trainer_signoff_give
from training.learning.services import enrolment_join, enrolment_leave
from training.learning.signals import progress_changed

pytestmark = pytest.mark.django_db

FEEDBACK = {"summary": "Ik lees dat je je gehoord voelde.", "question": "Wat hielp je het meest?"}


@pytest.fixture
def announced():
    """The enrolment ids `progress_changed` was sent for, in order."""
    seen = []

    def receiver(sender, *, enrolment_id, **kwargs):
        seen.append(enrolment_id)

    progress_changed.connect(receiver, dispatch_uid="test.announced")
    yield seen
    progress_changed.disconnect(dispatch_uid="test.announced")


def _course_with_reflection(*, learners=2, **assignment_kwargs):
    """A one-module course whose default rules include reflections and peer reviews."""
    course = build_course(modules=1, lessons_per_module=1, sequential=False)
    module = course.get_children().first()
    assignment = ReflectionAssignmentPageFactory(
        parent=module,
        **{"reviews_per_learner": 1, "reviews_per_submission": 1, **assignment_kwargs},
    )
    trainer = TrainerFactory()
    cohort = CohortFactory(course=course, trainers=[trainer])
    enrolments = [EnrolmentFactory(cohort=cohort) for _ in range(learners)]
    return assignment, trainer, enrolments


def _give(review, reviewer):
    rubric = {str(c.key): {"score": 3} for c in review.assignment.rubric_criteria.all()}
    return services.review_submit(review=review, reviewer=reviewer, rubric=rubric, **FEEDBACK)


def _claim_and_give(enrolment, assignment):
    review = allocation.peer_review_claim(
        reviewer=enrolment.learner, assignment=assignment, cohort=enrolment.cohort
    )
    return _give(review, enrolment.learner)


def _certified(enrolment) -> bool:
    return Certificate.objects.filter(learner=enrolment.learner).exists()


def test_trainer_approval_as_the_last_step_issues_the_certificate(
    django_capture_on_commit_callbacks,
):
    assignment, trainer, (anne, bram) = _course_with_reflection()
    with django_capture_on_commit_callbacks(execute=True):
        for enrolment in (anne, bram):
            complete_course(enrolment)
        anne_reflection = submitted_reflection(enrolment=anne, assignment=assignment)
        bram_reflection = submitted_reflection(enrolment=bram, assignment=assignment)
        _claim_and_give(anne, assignment)
        _claim_and_give(bram, assignment)
        services.submission_decide(submission=bram_reflection, trainer=trainer, approve=True)
    assert not _certified(anne)  # everything but the trainer's approval is done

    with django_capture_on_commit_callbacks(execute=True):
        services.submission_decide(submission=anne_reflection, trainer=trainer, approve=True)

    certificate = Certificate.objects.get(learner=anne.learner)
    assert certificate.is_ready and certificate.course_title == anne.course.title


def test_giving_the_last_peer_review_issues_the_certificate(django_capture_on_commit_callbacks):
    assignment, trainer, (anne, bram) = _course_with_reflection()
    with django_capture_on_commit_callbacks(execute=True):
        for enrolment in (anne, bram):
            complete_course(enrolment)
        anne_reflection = submitted_reflection(enrolment=anne, assignment=assignment)
        bram_reflection = submitted_reflection(enrolment=bram, assignment=assignment)
        _claim_and_give(bram, assignment)  # Bram reviews Anne
        services.submission_decide(submission=anne_reflection, trainer=trainer, approve=True)
        services.submission_decide(submission=bram_reflection, trainer=trainer, approve=True)
    assert not _certified(anne)  # Anne still owes her review

    with django_capture_on_commit_callbacks(execute=True):
        _claim_and_give(anne, assignment)

    assert _certified(anne)


def test_a_learner_credited_by_someone_elses_review_gets_the_certificate(
    django_capture_on_commit_callbacks,
):
    """Anne owes two reviews, but once every other reflection has its feedback
    nothing more can come her way: she is credited by Bram's action, not her own."""
    assignment, trainer, (anne, bram, carla) = _course_with_reflection(
        learners=3, reviews_per_learner=2, reviews_per_submission=1
    )
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(anne)
        reflections = [
            submitted_reflection(enrolment=e, assignment=assignment) for e in (anne, bram, carla)
        ]
        _claim_and_give(anne, assignment)  # the oldest open one: Bram's
        _claim_and_give(bram, assignment)  # Anne's
        for reflection in reflections:
            services.submission_decide(submission=reflection, trainer=trainer, approve=True)
    assert not _certified(anne)  # Carla's reflection is still open for Anne

    with django_capture_on_commit_callbacks(execute=True):
        _claim_and_give(bram, assignment)  # Bram reviews Carla: the last open reflection

    assert allocation.reviews_owed(
        reviewer=anne.learner, assignment=assignment, cohort=anne.cohort
    ) == (1, 2, True)
    assert _certified(anne)


# --- Each source announces the change, once it commits --------------------------


def test_lesson_completion_and_knowledge_checks_announce(
    announced, django_capture_on_commit_callbacks
):
    course = build_course(modules=1, lessons_per_module=1, sequential=False)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        complete_course(enrolment)
    assert announced == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert announced == [enrolment.pk]


def test_reflection_decisions_announce_for_the_author(
    announced, django_capture_on_commit_callbacks
):
    assignment, trainer, (anne, bram) = _course_with_reflection()
    reflection = submitted_reflection(enrolment=anne, assignment=assignment, audience="trainer")
    announced.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_decide(submission=reflection, trainer=trainer, approve=False)
    assert announced == [anne.pk]

    submission = services.submission_submit(
        submission=reflection, text=reflection.latest_version().text, audience="trainer"
    )
    announced.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_decide(submission=submission, trainer=trainer, approve=True)
    assert announced == [anne.pk]


def test_peer_review_announces_for_the_reviewer(announced, django_capture_on_commit_callbacks):
    assignment, trainer, (anne, bram) = _course_with_reflection()
    submitted_reflection(enrolment=anne, assignment=assignment)
    submitted_reflection(enrolment=bram, assignment=assignment)
    announced.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _claim_and_give(bram, assignment)
    assert bram.pk in announced


def test_sign_off_and_rejoining_announce(announced, django_capture_on_commit_callbacks):
    course = build_course(modules=1, lessons_per_module=1, require_trainer_signoff=True)
    trainer = TrainerFactory()
    cohort = CohortFactory(course=course, trainers=[trainer])
    enrolment = EnrolmentFactory(cohort=cohort)
    with django_capture_on_commit_callbacks(execute=True):
        trainer_signoff_give(enrolment=enrolment, trainer=trainer)
    assert announced == [enrolment.pk]

    enrolment_leave(enrolment=enrolment)
    announced.clear()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment_join(learner=enrolment.learner, cohort=cohort)
    assert announced == [enrolment.pk]


def test_rejoining_with_everything_done_issues_the_certificate(
    django_capture_on_commit_callbacks,
):
    """A learner finished while a rule was still unmet, left, and re-joins after the
    trainer relaxed the rule: re-joining is enough."""
    course = build_course(modules=1, lessons_per_module=1, require_trainer_signoff=True)
    cohort = CohortFactory(course=course)
    enrolment = EnrolmentFactory(cohort=cohort)
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(enrolment)
    enrolment_leave(enrolment=enrolment)
    course.require_trainer_signoff = False
    course.save()
    assert not _certified(enrolment)

    with django_capture_on_commit_callbacks(execute=True):
        enrolment_join(learner=enrolment.learner, cohort=cohort)
    assert _certified(enrolment)


def test_certificates_evaluate_command_covers_rules_changed_after_the_fact(
    django_capture_on_commit_callbacks,
):
    course = build_course(modules=1, lessons_per_module=1, require_trainer_signoff=True)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    other_course = build_course(modules=1, lessons_per_module=1, require_trainer_signoff=True)
    other = EnrolmentFactory(cohort=CohortFactory(course=other_course))
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(enrolment)
        complete_course(other)
    for page in (course, other_course):
        page.require_trainer_signoff = False
        page.save()
    assert not _certified(enrolment)

    call_command("certificates_evaluate", "--course", str(course.pk), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _certified(enrolment) and not _certified(other)

    call_command("certificates_evaluate", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _certified(other)
