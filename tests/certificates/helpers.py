"""Shared steps for the certificate tests."""

from training.assessments.knowledge_checks import knowledge_check_answer
from training.courses.models import LessonPage
from training.learning.services import lesson_complete


def complete_course(enrolment, *, lessons=None):
    """Answer every knowledge check correctly and complete every (or the given) lesson."""
    lessons = lessons or [
        lesson.specific for lesson in LessonPage.objects.descendant_of(enrolment.course).live()
    ]
    for lesson in lessons:
        for block in lesson.knowledge_checks():
            knowledge_check_answer(
                enrolment=enrolment,
                lesson=lesson,
                check_id=block.id,
                selected_option_ids=sorted(block.value.correct_option_ids()),
            )
        lesson_complete(enrolment=enrolment, lesson=lesson)
