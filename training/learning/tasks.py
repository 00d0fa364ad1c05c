"""Periodic work of the learning app, as tasks."""

from django.core.cache import cache
from django_tasks import task

from .announcements import announcements_send_due


@task()
def announcements_send_due_task() -> int:
    """Email the announcements that are due (schedule every few minutes)."""
    return announcements_send_due()


@task()
def enrolments_recount_lessons_done_task(*, course_id: int) -> int:
    """Recount `lessons_done` for one course after its outline changed (receivers.py)."""
    from training.courses.models import CoursePage

    from .receivers import PENDING_KEY
    from .services import enrolments_recount_lessons_done

    cache.delete(PENDING_KEY.format(course_id=course_id))
    course = CoursePage.objects.filter(pk=course_id).first()
    return enrolments_recount_lessons_done(course=course) if course else 0


@task()
def enrolments_recount_all_task() -> int:
    """The daily repair: every course's counters to their true value."""
    from .services import enrolments_recount_all

    return enrolments_recount_all()
