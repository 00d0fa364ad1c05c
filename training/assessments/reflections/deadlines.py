"""A learner's deadlines for an assignment: the course's dates, or the trainer's extension.

`learner_deadline` is the one answer to "what is this learner's deadline for
this assignment": allocation, the stuck-learner view, reminders, the
calendar and the assignment page all ask it (or `Deadlines`, which answers
the same for a whole cohort from one query). Deadlines are dates in the
site's time zone; a deadline day is still open until its end.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training.assessments.models import (
    DeadlineExtension,
    DeadlineKind,
    DeadlineReminder,
    ReflectionAssignmentPage,
    Submission,
)
from training.errors import FriendlyError
from training.learning.models import Cohort, Enrolment
from training.mail import absolute_url

from .. import notifications


class ExtensionError(FriendlyError):
    message = _("This extension cannot be given.")


class ExtensionNotLater(ExtensionError):
    message = _("Choose a date after the deadline the group has.")


class NoSuchDeadline(ExtensionError):
    message = _("This assignment has no deadline of this kind to extend.")


def course_deadline(*, assignment, cohort, kind: str) -> datetime.date | None:
    """The deadline the whole cohort has (the assignment's own dates)."""
    if kind == DeadlineKind.SUBMISSION:
        return assignment.submission_deadline(cohort)
    if not assignment.peer_review_enabled:
        return None
    return assignment.review_deadline(cohort)


class Deadlines:
    """Every learner's deadlines for one assignment in one cohort, read in one query."""

    def __init__(self, *, cohort, assignment):
        self.cohort, self.assignment = cohort, assignment
        self.course = {
            kind: course_deadline(assignment=assignment, cohort=cohort, kind=kind)
            for kind in DeadlineKind.values
        }
        self.extensions: dict[tuple[int, str], DeadlineExtension] = {
            (extension.enrolment.learner_id, extension.kind): extension
            for extension in DeadlineExtension.objects.filter(
                enrolment__cohort=cohort, assignment=assignment
            ).select_related("enrolment")
        }

    def extension(self, learner_id: int, kind: str) -> DeadlineExtension | None:
        """The extension that applies (only when the assignment has such a deadline)."""
        if self.course[kind] is None:
            return None
        return self.extensions.get((learner_id, kind))

    def of(self, learner_id: int, kind: str) -> datetime.date | None:
        extension = self.extension(learner_id, kind)
        if extension is not None:
            return max(extension.until, self.course[kind])
        return self.course[kind]

    def passed(self, learner_id: int, kind: str, *, today: datetime.date) -> bool:
        deadline = self.of(learner_id, kind)
        return deadline is not None and today > deadline


def learner_deadline(*, enrolment: Enrolment, assignment, kind: str) -> datetime.date | None:
    """This learner's deadline for `assignment`: an extension, else the course's date.

    None when the assignment has no deadline of that kind (an extension
    cannot create one), and an extension never moves a deadline earlier.
    """
    course = course_deadline(assignment=assignment, cohort=enrolment.cohort, kind=kind)
    if course is None:
        return None
    extension = DeadlineExtension.objects.filter(
        enrolment=enrolment, assignment=assignment, kind=kind
    ).first()
    return max(extension.until, course) if extension else course


def deadline_extend(
    *, enrolment: Enrolment, assignment, kind: str, until: datetime.date, granted_by
) -> DeadlineExtension:
    """Give one learner a later deadline (replacing an earlier extension).

    The new date must be after the cohort's deadline. Reminders already sent
    for the old date do not block reminders for the new one.
    """
    course = course_deadline(assignment=assignment, cohort=enrolment.cohort, kind=kind)
    if course is None:
        raise NoSuchDeadline()
    if until <= course:
        raise ExtensionNotLater()
    with transaction.atomic():
        extension, _created = DeadlineExtension.objects.update_or_create(
            enrolment=enrolment,
            assignment=assignment,
            kind=kind,
            defaults={"until": until, "granted_by": granted_by, "granted_at": timezone.now()},
        )
        DeadlineReminder.objects.filter(
            enrolment=enrolment, assignment=assignment, kind=kind
        ).exclude(deadline=until).delete()
    return extension


def deadline_extension_withdraw(*, extension: DeadlineExtension) -> None:
    """Take an extension back: the learner has the cohort's deadline again.

    Trainers do both through `training.assessments.actions`, which audit-log them.
    """
    extension.delete()


# --- Reminders ----------------------------------------------------------------


@dataclass(frozen=True)
class Owed:
    enrolment: Enrolment
    kind: str
    deadline: datetime.date


def reminder_days() -> list[int]:
    return sorted(set(getattr(settings, "DEADLINE_REMINDER_DAYS", [3, 1])))


def _midday(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _owed_in(*, cohort: Cohort, assignment, today: datetime.date, horizon: int) -> list[Owed]:
    """Who still owes a submission or feedback with a deadline within `horizon` days."""
    from .allocation import AssignmentAllocation

    deadlines = Deadlines(cohort=cohort, assignment=assignment)
    snapshot = None
    owed = []
    enrolments = cohort.enrolments.filter(status=Enrolment.Status.ACTIVE).select_related("learner")
    submitted = set(
        Submission.objects.filter(
            cohort=cohort, assignment=assignment, first_submitted_at__isnull=False
        ).values_list("author_id", flat=True)
    )
    for enrolment in enrolments:
        learner_id = enrolment.learner_id
        for kind in DeadlineKind.values:
            deadline = deadlines.of(learner_id, kind)
            if deadline is None or not 0 <= (deadline - today).days <= horizon:
                continue
            if kind == DeadlineKind.SUBMISSION:
                if learner_id in submitted:
                    continue
            else:
                # Feedback can only be given after submitting: until then the
                # learner hears about the submission deadline only.
                if learner_id not in submitted:
                    continue
                snapshot = snapshot or AssignmentAllocation(
                    cohort=cohort, assignment=assignment, now=_midday(today)
                )
                given, required, credited = snapshot.reviews_owed(learner_id)
                if credited or given >= required:
                    continue
            owed.append(Owed(enrolment, kind, deadline))
    return owed


def deadline_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind learners who still owe a reflection or feedback; safe to run daily.

    Sent `settings.DEADLINE_REMINDER_DAYS` days before the learner's own
    deadline (an extension counts). One reminder per learner, assignment,
    kind and threshold (a unique constraint): a run that finds several
    thresholds due at once sends one email and records them all. Returns the
    emails sent. The email names the assignment and date, never any text.
    """
    today = today or timezone.localdate()
    thresholds = reminder_days()
    if not thresholds:
        return 0
    horizon = max(thresholds)
    cohorts = Cohort.objects.filter(ends_on__gte=today).select_related("course")
    sent = 0
    for cohort in cohorts:
        assignments = ReflectionAssignmentPage.objects.descendant_of(cohort.course).live()
        for assignment in assignments:
            owed = _owed_in(cohort=cohort, assignment=assignment, today=today, horizon=horizon)
            if not owed:
                continue
            done = set(
                DeadlineReminder.objects.filter(
                    enrolment__in=[o.enrolment for o in owed], assignment=assignment
                ).values_list("enrolment_id", "kind", "days_before")
            )
            for item in owed:
                days_left = (item.deadline - today).days
                due = [
                    days
                    for days in thresholds
                    if days_left <= days and (item.enrolment.pk, item.kind, days) not in done
                ]
                if not due:
                    continue
                try:
                    with transaction.atomic():
                        DeadlineReminder.objects.bulk_create(
                            DeadlineReminder(
                                enrolment=item.enrolment,
                                assignment=assignment,
                                kind=item.kind,
                                days_before=days,
                                deadline=item.deadline,
                            )
                            for days in due
                        )
                        notifications.send_deadline_reminder(
                            user=item.enrolment.learner,
                            assignment=assignment,
                            kind=item.kind,
                            deadline=item.deadline,
                            url=absolute_url(assignment.url),
                        )
                except IntegrityError:
                    continue  # another run sent it
                sent += 1
    return sent
