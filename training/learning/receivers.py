"""The course outline changed: recount `Enrolment.lessons_done` for that course.

A lesson (or a module with its lessons) published, unpublished, moved,
deleted, or put behind a view restriction changes which completed lessons
count. The course(s) concerned are found from the page's tree path, and one
recount task per course is enqueued when the transaction commits (after the
courses app's receivers started a new outline generation, connected first).
A short-lived cache flag keeps a module of 300 lessons deleted in one go
from enqueuing 300 recounts; the task clears it when it starts, and the
daily sweep repairs whatever a lost task left behind.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

PENDING_KEY = "learning:recount-pending:{course_id}"
PENDING_SECONDS = 5 * 60


def _course_ids_above(path: str) -> list[int]:
    """Ids of the course pages at or above the tree `path` (treebeard's paths)."""
    from training.courses.models import CoursePage

    steplen = Page.steplen
    prefixes = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
    return list(CoursePage.objects.filter(path__in=prefixes).values_list("pk", flat=True))


def recount_enqueue(*, course_ids) -> None:
    """Enqueue one recount per course once the transaction commits (at once outside one)."""
    from .tasks import enrolments_recount_lessons_done_task

    def enqueue():
        for course_id in set(course_ids):
            if cache.add(PENDING_KEY.format(course_id=course_id), 1, timeout=PENDING_SECONDS):
                enrolments_recount_lessons_done_task.enqueue(course_id=course_id)

    if course_ids:
        transaction.on_commit(enqueue)


def _page_changed(sender=None, instance=None, **kwargs):
    if isinstance(instance, Page) and instance.path:
        recount_enqueue(course_ids=_course_ids_above(instance.path))


def _page_moved(sender=None, instance=None, parent_page_before=None, **kwargs):
    course_ids = _course_ids_above(instance.path)
    if parent_page_before is not None:
        course_ids += _course_ids_above(parent_page_before.path)
    recount_enqueue(course_ids=course_ids)


def _restriction_changed(sender=None, instance=None, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).only("path").first()
    if page is not None:
        recount_enqueue(course_ids=_course_ids_above(page.path))


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(_page_changed, dispatch_uid=f"learning-recount-{id(signal)}")
    post_page_move.connect(_page_moved, dispatch_uid="learning-recount-move")
    # Deleted pages (and each descendant of a deleted module) no longer count.
    post_delete.connect(_page_changed, dispatch_uid="learning-recount-page-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"learning-recount-restriction-{id(signal)}",
        )
