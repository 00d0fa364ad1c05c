"""Nobody waits unseen: learners who opted in to practise and have no group yet.

Each practice activity has a grouping moment: `grouping_days` after a learner
opted in, the trainer has formed the groups. The rules, in order:

1. A learner who opted in (active enrolment, account not erased) and is in
   no group of the activity when their grouping moment has passed gets ONE
   calm email (`waiting_emails_send`, a periodic job): a `GroupingWaitNotice`
   row, written in the same transaction as the send and unique per activity
   and enrolment, so double runs, two workers and retries never send twice.
   Opting out and in again does not send a second one.
2. Their dashboard says what happens next (`waiting_notes`), before and after
   the moment; the trainer sees them in the stuck-learner tab (stuck.py).
3. When the trainer has placed them (a group of three, a smaller group with
   the trainer, or a written pair with a learner of another cohort), each
   learner gets an email that their group is ready (`group_ready_send`) and
   the dashboard points to the group until they agreed to the agreement.

The emails name the activity and link to a page: never another learner, nor
anything a learner wrote. Nothing of this is logged beyond ids.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from training.learning.models import Enrolment
from training.mail import absolute_url, email_send

from .models import GroupingWaitNotice, PracticeGroup, PracticeMember, PracticeOptIn

logger = logging.getLogger(__name__)


def _waiting_opt_ins():
    """Opt-ins of active, reachable learners who are in no group of the activity."""
    placed = PracticeMember.objects.filter(
        activity_id=OuterRef("activity_id"), enrolment_id=OuterRef("enrolment_id")
    )
    return (
        PracticeOptIn.objects.filter(
            enrolment__status=Enrolment.Status.ACTIVE,
            enrolment__learner__erased_at__isnull=True,
            activity__live=True,
        )
        .exclude(Exists(placed))
        .select_related("activity", "enrolment__learner")
    )


def _send(*, user, template: str, context: dict) -> None:
    email_send(to=user.email, user=user, template=f"practice/email/{template}", context=context)


def waiting_emails_send(*, now: datetime.datetime | None = None) -> int:
    """Email every learner whose grouping moment passed without a group (once). Returns
    how many emails went out; safe to run at any time."""
    now = now or timezone.now()
    sent = 0
    notified = GroupingWaitNotice.objects.filter(
        activity_id=OuterRef("activity_id"), enrolment_id=OuterRef("enrolment_id")
    )
    for opt_in in _waiting_opt_ins().exclude(Exists(notified)).order_by("created_at", "pk"):
        activity = opt_in.activity
        if activity.grouping_moment(opt_in.created_at) > now:
            continue
        try:
            with transaction.atomic():
                GroupingWaitNotice.objects.create(
                    activity_id=opt_in.activity_id, enrolment_id=opt_in.enrolment_id, sent_at=now
                )
                _send(
                    user=opt_in.enrolment.learner,
                    template="waiting",
                    context={"activity": activity, "url": absolute_url(activity.url or "/")},
                )
        except IntegrityError:
            continue  # another run sent it
        except Exception as error:  # noqa: BLE001 - one bad address must not stop the rest
            logger.warning(
                "Practice waiting email (opt-in id=%s) not sent: %s",
                opt_in.pk,
                type(error).__name__,
            )
            continue
        sent += 1
    return sent


def group_ready_send(*, group_id: int) -> int:
    """Tell each learner of a group a trainer just made that their group is ready."""
    group = PracticeGroup.objects.select_related("activity").filter(pk=group_id).first()
    if group is None:
        return 0
    url = absolute_url(reverse("practice:group", kwargs={"public_id": group.public_id}))
    sent = 0
    members = group.members.filter(
        enrolment__status=Enrolment.Status.ACTIVE, enrolment__learner__erased_at__isnull=True
    ).select_related("enrolment__learner")
    for member in members:
        try:
            _send(
                user=member.enrolment.learner,
                template="group_ready",
                context={"activity": group.activity, "group": group, "url": url},
            )
        except Exception as error:  # noqa: BLE001
            logger.warning(
                "Practice group-ready email (member id=%s) not sent: %s",
                member.pk,
                type(error).__name__,
            )
            continue
        sent += 1
    return sent


# --- The learner's dashboard -------------------------------------------------------


@dataclass(frozen=True)
class WaitingNote:
    """One line on the dashboard: `kind` is "waiting", "late" or "ready"."""

    kind: str
    activity: object
    moment: datetime.datetime | None = None
    group_public_id: object = None
    written_pair: bool = False
    with_trainer: bool = False


def waiting_notes(*, enrolment, now: datetime.datetime | None = None) -> list[WaitingNote]:
    """What the learner waits for in the skills lab of this course, and what happens next.

    One query, whatever the course: every placed learner opted in first (the
    opt-in stays), so the opt-ins with their group, if any, tell it all.
    """
    if enrolment.status != Enrolment.Status.ACTIVE:
        return []
    now = now or timezone.now()
    member = PracticeMember.objects.filter(
        activity_id=OuterRef("activity_id"), enrolment_id=OuterRef("enrolment_id")
    )
    trainer_in_group = PracticeMember.objects.filter(
        group_id=OuterRef("member_group_id"), trainer__isnull=False
    )
    opt_ins = (
        PracticeOptIn.objects.filter(enrolment=enrolment, activity__live=True)
        .select_related("activity")
        .annotate(
            member_group_id=Subquery(member.values("group_id")[:1]),
            member_agreed_at=Subquery(member.values("agreed_at")[:1]),
            group_public_id=Subquery(member.values("group__public_id")[:1]),
            group_mode=Subquery(member.values("group__mode")[:1]),
            with_trainer=Exists(trainer_in_group),
        )
        .order_by("activity__path")
    )
    notes = []
    for opt_in in opt_ins:
        activity = opt_in.activity
        if opt_in.member_group_id is None:
            moment = activity.grouping_moment(opt_in.created_at)
            kind = "late" if moment <= now else "waiting"
            notes.append(WaitingNote(kind=kind, activity=activity, moment=moment))
        elif opt_in.member_agreed_at is None:
            notes.append(
                WaitingNote(
                    kind="ready",
                    activity=activity,
                    group_public_id=opt_in.group_public_id,
                    # Only the trainer's "written with another cohort" option sets a mode.
                    written_pair=bool(opt_in.group_mode),
                    with_trainer=opt_in.with_trainer,
                )
            )
    return notes
