"""Emails about a practice group's meeting: the invitation and two reminders.

When a group sets (or changes) when and where it meets, every member gets an
invitation with the iCalendar file attached; then a reminder the day before
(24 hours) and one about an hour before. The rules, in order:

1. One email per member, kind and meeting time: a `MeetingReminder` row,
   written in the same transaction as the send and unique in the database,
   so double runs, two workers and retries never send twice.
2. A run that finds several kinds due at once sends one email, the most
   useful (the invitation first, else the nearest reminder), and records
   them all: someone who sets a meeting for tonight gets one invitation,
   not three emails.
3. Changing the time or the place resets the group's reminders
   (`meeting_reminders_reset`), so the new time gets a new invitation.
4. Only future meetings, only active learners who still have an account, and
   the trainer who completed a group (while their account is active).

The emails name the activity, the time, the place or link the group chose
and a link to the group page: never who is in the group, nor anything a
learner wrote.
"""

from __future__ import annotations

import datetime
import logging
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from training.learning.models import Enrolment
from training.mail import absolute_url, email_send

from .calendar import group_invitation
from .models import MeetingReminder, PracticeGroup, PracticeMember

logger = logging.getLogger(__name__)

Kind = MeetingReminder.Kind
LEADS = {
    Kind.DAY_BEFORE: datetime.timedelta(days=1),
    Kind.HOUR_BEFORE: datetime.timedelta(hours=1),
}
# Which email a run sends when several kinds are due at once (rule 2).
PRECEDENCE = [Kind.INVITATION, Kind.HOUR_BEFORE, Kind.DAY_BEFORE]


def meeting_reminders_due(
    *, meeting_at: datetime.datetime, now: datetime.datetime, done: set[str]
) -> list[str]:
    """The kinds due for one member now, not yet sent (in `PRECEDENCE` order)."""
    if meeting_at is None or meeting_at <= now:
        return []
    due = {Kind.INVITATION} | {kind for kind, lead in LEADS.items() if now >= meeting_at - lead}
    return [kind for kind in PRECEDENCE if kind in due and kind not in done]


def meeting_reminders_reset(*, group: PracticeGroup) -> None:
    """Forget what was sent about the group's meeting (its time or place changed)."""
    MeetingReminder.objects.filter(member__group=group).delete()


def _send(*, member: PracticeMember, group: PracticeGroup, kind: str) -> None:
    user = member.trainer if member.trainer_id else member.enrolment.learner
    template = "invitation" if kind == Kind.INVITATION else "reminder"
    attachments = []
    if kind == Kind.INVITATION:
        attachments.append(
            ("oefengroep.ics", partial(group_invitation, group=group), "text/calendar")
        )
    email_send(
        to=user.email,
        user=user,
        template=f"practice/email/meeting_{template}",
        context={
            "activity": group.activity,
            "meeting_at": timezone.localtime(group.meeting_at),
            "meeting_place": group.meeting_place,
            "url": absolute_url(reverse("practice:group", kwargs={"public_id": group.public_id})),
            "kind": kind,
        },
        attachments=attachments,
    )


def _groups(*, now: datetime.datetime, group_id: int | None):
    members = PracticeMember.objects.filter(
        Q(enrolment__status=Enrolment.Status.ACTIVE, enrolment__learner__erased_at__isnull=True)
        | Q(trainer__is_active=True)
    ).select_related("enrolment__learner", "trainer")
    groups = (
        PracticeGroup.objects.filter(meeting_at__gt=now)
        .select_related("activity")
        .prefetch_related(
            Prefetch("members", queryset=members, to_attr="reachable_members"),
            "members__meeting_reminders",
        )
        .order_by("meeting_at", "pk")
    )
    return groups.filter(pk=group_id) if group_id is not None else groups


def meeting_reminders_send(
    *, now: datetime.datetime | None = None, group_id: int | None = None
) -> int:
    """Send the meeting invitations and reminders that are due; safe to run at any time.

    With `group_id`, only that group (right after it set its meeting).
    Returns the emails sent.
    """
    now = now or timezone.now()
    sent = 0
    for group in _groups(now=now, group_id=group_id):
        done_by_member = {
            member.pk: {
                r.kind for r in member.meeting_reminders.all() if r.meeting_at == group.meeting_at
            }
            for member in group.members.all()
        }
        for member in group.reachable_members:
            due = meeting_reminders_due(
                meeting_at=group.meeting_at, now=now, done=done_by_member.get(member.pk, set())
            )
            if not due:
                continue
            try:
                with transaction.atomic():
                    MeetingReminder.objects.bulk_create(
                        MeetingReminder(member=member, kind=kind, meeting_at=group.meeting_at)
                        for kind in due
                    )
                    _send(member=member, group=group, kind=due[0])
            except IntegrityError:
                continue  # another run sent it
            except Exception as error:  # noqa: BLE001 - one bad address must not stop the rest
                # No address or text in the log: ids and the error's type only.
                logger.warning(
                    "Practice meeting email (group id=%s, member id=%s) not sent: %s",
                    group.pk,
                    member.pk,
                    type(error).__name__,
                )
                continue
            sent += 1
    return sent
