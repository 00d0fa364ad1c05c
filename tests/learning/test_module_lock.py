"""Locked means locked: in a sequential course, nothing in a later module can be
done before the modules before it are finished, whatever the entry point."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ReflectionAssignmentPageFactory,
    build_course,
    knowledge_check_block,
    paragraph_block,
)
from training.assessments.knowledge_checks import knowledge_check_answer
from training.assessments.models import KnowledgeCheckAttempt, Submission
from training.assessments.reflections import services as reflection_services
from training.courses.models import LessonPage
from training.learning.models import LessonProgress
from training.learning.services import ModuleLocked, lesson_complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment():
    """A sequential course of two modules; the learner has done nothing yet."""
    course = build_course(modules=2, lessons_per_module=1, sequential=True)
    return EnrolmentFactory(cohort=CohortFactory(course=course))


def _modules(enrolment):
    return list(enrolment.course.get_children().specific())


def _lesson_in(module):
    return LessonPage.objects.child_of(module).first().specific


def _locked_lesson_with_check(enrolment):
    return LessonPageFactory(
        parent=_modules(enrolment)[1], body=[paragraph_block(), knowledge_check_block()]
    )


def test_services_refuse_progress_in_a_locked_module(enrolment):
    first, second = (_lesson_in(m) for m in _modules(enrolment))
    with pytest.raises(ModuleLocked):
        lesson_complete(enrolment=enrolment, lesson=second)
    lesson = _locked_lesson_with_check(enrolment)
    check = lesson.knowledge_checks()[0]
    with pytest.raises(ModuleLocked):
        knowledge_check_answer(
            enrolment=enrolment,
            lesson=lesson,
            check_id=check.id,
            selected_option_ids=sorted(check.value.correct_option_ids()),
        )
    assert not LessonProgress.objects.exists() and not KnowledgeCheckAttempt.objects.exists()

    lesson_complete(enrolment=enrolment, lesson=first)  # the first module opens the second
    lesson_complete(enrolment=enrolment, lesson=second)
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 2


def test_a_crafted_post_does_not_complete_a_locked_lesson(client, enrolment):
    second = _lesson_in(_modules(enrolment)[1])
    client.force_login(enrolment.learner)
    response = client.post(reverse("learning:complete_lesson", args=[second.pk]))
    assert response.status_code == 302 and response.url == second.url
    assert not LessonProgress.objects.exists()
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == ["Deze module gaat open als je de modules ervoor hebt afgerond."]


def test_a_crafted_post_does_not_answer_a_check_in_a_locked_module(client, enrolment):
    lesson = _locked_lesson_with_check(enrolment)
    check = lesson.knowledge_checks()[0]
    client.force_login(enrolment.learner)
    response = client.post(
        reverse("knowledge_checks:answer", args=[lesson.pk, check.id]),
        {"option": sorted(check.value.correct_option_ids())},
    )
    assert response.status_code == 302
    assert not KnowledgeCheckAttempt.objects.exists() and not LessonProgress.objects.exists()


def test_a_reflection_in_a_locked_module_cannot_be_started_or_submitted(enrolment):
    assignment = ReflectionAssignmentPageFactory(parent=_modules(enrolment)[1])
    with pytest.raises(ModuleLocked):
        reflection_services.submission_get_or_create(enrolment=enrolment, assignment=assignment)
    assert not Submission.objects.exists()

    # Started while open; then the trainer added a lesson to the first module, which locks it again.
    lesson_complete(enrolment=enrolment, lesson=_lesson_in(_modules(enrolment)[0]))
    submission = reflection_services.submission_get_or_create(
        enrolment=enrolment, assignment=assignment
    )
    LessonPageFactory(parent=_modules(enrolment)[0])
    with pytest.raises(ModuleLocked):
        reflection_services.submission_submit(
            submission=submission, text="Genoeg woorden om in te dienen, denk ik.", audience="peers"
        )
    submission.refresh_from_db()
    assert submission.first_submitted_at is None


def test_submitting_in_a_module_that_locked_again_says_so_and_keeps_the_text(client, enrolment):
    assignment = ReflectionAssignmentPageFactory(parent=_modules(enrolment)[1])
    lesson_complete(enrolment=enrolment, lesson=_lesson_in(_modules(enrolment)[0]))
    submission = reflection_services.submission_get_or_create(
        enrolment=enrolment, assignment=assignment
    )
    LessonPageFactory(parent=_modules(enrolment)[0])  # the trainer added a lesson: locked again
    client.force_login(enrolment.learner)
    text = "Mijn verhaal over gehoord worden in de groep, met genoeg woorden."
    response = client.post(
        reverse("reflections:submit", args=[submission.public_id]),
        {"action": "submit", "text": text, "audience": "peers", "base_revision": "0"},
    )
    assert response.status_code < 500
    assert (
        "Deze module gaat open als je de modules ervoor hebt afgerond." in response.content.decode()
    )
    submission.refresh_from_db()
    assert submission.first_submitted_at is None
    assert submission.latest_version().text == text  # the draft was kept
