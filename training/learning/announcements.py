"""Announcements from trainers to a cohort: write, show, email.

An announcement shows on the learners' dashboard from `publish_at` and goes
out by email at that moment: at once, or later through a task scheduled with
`run_after` (with a backend that can defer), and in any case through
`announcements_send_due`, the periodic safety net. `emailed_at` is claimed
with one conditional UPDATE, so however many of these run, each
announcement is emailed once.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.log_actions import log

from training.mail import absolute_url, email_send

from .models import Announcement, Cohort, Enrolment


def _schedule_email(announcement: Announcement) -> None:
    from .notifications import send_announcement

    def enqueue():
        if announcement.publish_at <= timezone.now():
            send_announcement.enqueue(announcement.pk)
        elif send_announcement.get_backend().supports_defer:
            send_announcement.using(run_after=announcement.publish_at).enqueue(announcement.pk)
        # Otherwise `announcements_send_due` sends it once it is due.

    transaction.on_commit(enqueue)


def announcement_create(
    *,
    cohort: Cohort,
    title: str,
    body: str,
    author,
    publish_at: datetime.datetime | None = None,
) -> Announcement:
    """Write an announcement to a cohort; it is published (and emailed) at `publish_at`."""
    announcement = Announcement(
        cohort=cohort,
        title=title.strip(),
        body=body.strip(),
        author=author,
        publish_at=publish_at or timezone.now(),
    )
    announcement.full_clean()
    with transaction.atomic():
        announcement.save()
        log(instance=announcement, action="wagtail.create", user=author)
        _schedule_email(announcement)
    return announcement


def announcement_reschedule(*, announcement: Announcement) -> None:
    """After an edit: schedule the email again if it has not gone out (sending stays once)."""
    if announcement.emailed_at is None:
        _schedule_email(announcement)


def announcement_email(*, announcement_id: int, now=None) -> int:
    """Email a due announcement to the cohort's active learners, once. Returns emails sent."""
    now = now or timezone.now()
    claimed = Announcement.objects.filter(
        pk=announcement_id, emailed_at__isnull=True, publish_at__lte=now
    ).update(emailed_at=now)
    if not claimed:
        return 0
    announcement = Announcement.objects.select_related("cohort__course").get(pk=announcement_id)
    learners = [
        enrolment.learner
        for enrolment in announcement.cohort.enrolments.filter(
            status=Enrolment.Status.ACTIVE
        ).select_related("learner")
    ]
    url = absolute_url("/mijn/") + f"#announcement-{announcement.pk}"
    for learner in learners:
        email_send(
            to=learner.email,
            user=learner,
            template="learning/email/announcement",
            context={"announcement": announcement, "url": url},
        )
    return len(learners)


def announcements_send_due(*, now=None) -> int:
    """Email every announcement whose time has come and that was not emailed yet (run often)."""
    now = now or timezone.now()
    due = Announcement.objects.filter(emailed_at__isnull=True, publish_at__lte=now).values_list(
        "pk", flat=True
    )
    return sum(announcement_email(announcement_id=pk, now=now) for pk in list(due))


def announcements_for_learner(*, user, now=None) -> QuerySet[Announcement]:
    """Published announcements of the cohorts `user` is actively enrolled in, newest first."""
    now = now or timezone.now()
    return (
        Announcement.objects.filter(
            cohort__enrolments__learner=user,
            cohort__enrolments__status=Enrolment.Status.ACTIVE,
            publish_at__lte=now,
        )
        .select_related("cohort", "author")
        .order_by("-publish_at", "-pk")
        .distinct()
    )
