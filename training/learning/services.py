"""Writes for cohorts, enrolments and progress.

Every write is safe to repeat: a double click, a retry or a second tab gives
the same result as one request, because the database holds the invariants
(one enrolment per learner and course, one progress row per lesson).
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.courses.pillars import Pillar
from training.courses.selectors import course_outline
from training.errors import FriendlyError

from .models import Cohort, Enrolment, LessonProgress, new_invite_token, pillar_counter_field
from .selectors import completed_lesson_ids_forget
from .signals import announce_progress_changed, enrolment_moved


class EnrolmentError(FriendlyError):
    """A learner cannot join; `message` is friendly, translated text for the page."""

    message = _("You cannot join this course right now.")


class InviteInvalid(EnrolmentError):
    message = _("This invite link is not (or no longer) valid. Ask your trainer for a new link.")


class CohortClosed(EnrolmentError):
    message = _("This group is closed for new participants. Ask your trainer what is possible.")


class CohortFull(EnrolmentError):
    message = _("This group is full. Ask your trainer whether there is room in another group.")


class SelfEnrolmentNotAllowed(EnrolmentError):
    message = _("You can join this course only with an invite link from your trainer.")


class ModuleLocked(FriendlyError):
    """The page is in a module that opens once the modules before it are finished."""

    message = _("This module opens when you have finished the modules before it.")


def ensure_unlocked(*, enrolment: Enrolment, page) -> None:
    """Refuse work on `page` while its module is locked for `enrolment` (sequential courses).

    Every service that records progress calls this, so a crafted request
    obeys the same lock as the page a learner sees.
    """
    from .selectors import course_progress

    if not enrolment.course.sequential:
        return
    if course_progress(enrolment=enrolment).is_page_locked(page.pk):
        raise ModuleLocked()


def cohort_accepts_enrolment(cohort: Cohort, *, today=None) -> bool:
    today = today or timezone.localdate()
    return cohort.is_open and cohort.ends_on >= today


def enrolment_join(*, learner, cohort: Cohort) -> Enrolment:
    """Put `learner` in `cohort`; idempotent.

    Rules, in order: an active enrolment in this course is returned as it is
    (whatever its cohort); a closed or ended cohort refuses; a full cohort
    refuses; a learner who left the course earlier is re-activated in this
    cohort with their progress kept.
    """
    with transaction.atomic():
        # Lock the cohort row so concurrent joins count capacity one at a time
        # (PostgreSQL row lock; SQLite's IMMEDIATE transactions serialise writers).
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        existing = Enrolment.objects.filter(learner=learner, course_id=cohort.course_id).first()
        if existing and existing.is_active:
            return existing
        if not cohort_accepts_enrolment(cohort):
            raise CohortClosed()
        taken = cohort.enrolments.filter(status=Enrolment.Status.ACTIVE).count()
        if taken >= cohort.capacity:
            raise CohortFull()
        if existing:
            previous_cohort_id = existing.cohort_id
            existing.cohort = cohort
            existing.status = Enrolment.Status.ACTIVE
            existing.left_at = None
            existing.save(update_fields=["cohort", "status", "left_at"])
            if previous_cohort_id != cohort.pk:
                enrolment_moved.send(
                    sender=Enrolment, enrolment=existing, previous_cohort_id=previous_cohort_id
                )
            # Progress was kept: the rules may be met already (or met again).
            announce_progress_changed(enrolment_id=existing.pk)
            return existing
        try:
            with transaction.atomic():
                return Enrolment.objects.create(
                    learner=learner, cohort=cohort, course_id=cohort.course_id
                )
        except IntegrityError:
            # Another request enrolled this learner in the meantime.
            return Enrolment.objects.get(learner=learner, course_id=cohort.course_id)


def enrolment_join_by_invite(*, learner, token: str) -> Enrolment:
    cohort = Cohort.objects.filter(invite_token=token).first() if token else None
    if cohort is None:
        raise InviteInvalid()
    return enrolment_join(learner=learner, cohort=cohort)


def enrolment_self_enrol(*, learner, cohort: Cohort) -> Enrolment:
    if not cohort.self_enrolment:
        raise SelfEnrolmentNotAllowed()
    return enrolment_join(learner=learner, cohort=cohort)


def enrolment_leave(*, enrolment: Enrolment) -> Enrolment:
    """Leave a course. Progress is kept, so re-joining later picks up where it was."""
    if enrolment.is_active:
        enrolment.status = Enrolment.Status.LEFT
        enrolment.left_at = timezone.now()
        enrolment.save(update_fields=["status", "left_at"])
    return enrolment


def _counters_of(*, enrolment: Enrolment, lesson) -> list[str]:
    """The counters `lesson` moves: `lessons_done` and its pillar's, for a lesson
    in the course outline (the cached outline); none for any other lesson."""
    module = course_outline(course=enrolment.course).module_of(lesson.pk)
    return [] if module is None else ["lessons_done", pillar_counter_field(module.pillar)]


def lesson_complete(*, enrolment: Enrolment, lesson) -> tuple[LessonProgress, bool]:
    """Mark a lesson done; returns (progress, created). Repeating it changes nothing.

    The new row and the enrolment's counters (`lessons_done` and the lesson's
    pillar's, +1 with F() in one UPDATE, for a lesson in the course outline)
    are written in one transaction, so the counters move exactly when a row is
    added: a double click or a concurrent request loses the race on the unique
    constraint and changes neither.
    Refused with `ModuleLocked` while the lesson's module is locked.
    """
    ensure_unlocked(enrolment=enrolment, page=lesson)
    counters = _counters_of(enrolment=enrolment, lesson=lesson)
    try:
        with transaction.atomic():
            progress, created = LessonProgress.objects.get_or_create(
                enrolment=enrolment, lesson=lesson
            )
            if created and counters:
                Enrolment.objects.filter(pk=enrolment.pk).update(
                    **{name: F(name) + 1 for name in counters}
                )
        completed_lesson_ids_forget(enrolment=enrolment)
    except IntegrityError:
        return LessonProgress.objects.get(enrolment=enrolment, lesson=lesson), False
    if created:
        announce_progress_changed(enrolment_id=enrolment.pk)
    return progress, created


def lesson_uncomplete(*, enrolment: Enrolment, lesson) -> bool:
    """Take back "done" for a lesson; returns whether there was a mark. Repeating it
    changes nothing: the row's deletion and the counters' -1 are one transaction."""
    counters = _counters_of(enrolment=enrolment, lesson=lesson)
    with transaction.atomic():
        deleted, _rows = LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson).delete()
        if deleted and counters:
            Enrolment.objects.filter(pk=enrolment.pk, **{f"{counters[-1]}__gt": 0}).update(
                **{name: F(name) - 1 for name in counters}
            )
    completed_lesson_ids_forget(enrolment=enrolment)
    if deleted:
        announce_progress_changed(enrolment_id=enrolment.pk)
    return bool(deleted)


def enrolments_recount_lessons_done(*, course) -> int:
    """Set `lessons_done` and the pillar counters of every enrolment in `course` to
    their true counts (one UPDATE).

    For when the outline changes (a lesson published, unpublished, moved,
    deleted or restricted, a module given another pillar: receivers.py) and
    for the daily repair; returns the number of enrolments written. Safe to
    run at any time: a mark committed while it runs is either counted by it
    or adds its +1 after it.
    """
    outline = course_outline(course=course)

    def true_count(lesson_ids):
        done = (
            LessonProgress.objects.filter(enrolment=OuterRef("pk"), lesson_id__in=lesson_ids)
            .order_by()
            .values("enrolment")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(done, output_field=IntegerField()), Value(0))

    counts = {"lessons_done": true_count(sorted(outline.lesson_ids))}
    for pillar in Pillar:
        lesson_ids = sorted(
            lesson_id for m in outline.modules if m.pillar == pillar for lesson_id in m.lesson_ids
        )
        counts[pillar_counter_field(pillar)] = true_count(lesson_ids)
    annotations = {f"true_{name}": count for name, count in counts.items()}
    drifted = Q()
    for name in counts:
        drifted |= ~Q(**{name: F(f"true_{name}")})
    with transaction.atomic():
        return (
            Enrolment.objects.filter(course=course)
            .annotate(**annotations)
            .filter(drifted)
            .update(**counts)
        )


#: How stale `last_activity_at` may be while a learner stays on one lesson.
VISIT_RESOLUTION = datetime.timedelta(minutes=5)


def lesson_visit(*, enrolment: Enrolment, lesson) -> None:
    """Remember the last lesson opened, for "verder waar je gebleven was" (one UPDATE).

    Nothing is written when it is the lesson remembered already and that was
    less than `VISIT_RESOLUTION` ago (a reload, the way back from "mark done"):
    a write per view would queue every learner behind SQLite's one write lock.
    """
    now = timezone.now()
    if (
        enrolment.last_lesson_id == lesson.pk
        and enrolment.last_activity_at is not None
        and now - enrolment.last_activity_at < VISIT_RESOLUTION
    ):
        return
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson, last_activity_at=now)
    enrolment.last_lesson_id, enrolment.last_activity_at = lesson.pk, now


def cohort_rotate_invite(*, cohort: Cohort) -> Cohort:
    """Give the cohort a new invite link; the old link stops working at once."""
    cohort.invite_token = new_invite_token()
    cohort.save(update_fields=["invite_token"])
    return cohort


def enrolments_recount_all() -> int:
    """`enrolments_recount_lessons_done` for every course with enrolments."""
    from training.courses.models import CoursePage

    course_ids = Enrolment.objects.values_list("course_id", flat=True).distinct()
    return sum(
        enrolments_recount_lessons_done(course=course)
        for course in CoursePage.objects.filter(pk__in=course_ids)
    )
