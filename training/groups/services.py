"""Writes: groups, meetings, feedback moments and participants' answers.

Every write is idempotent on its natural key (a retried POST or a double click creates
nothing twice) and the database keeps the invariants: one answer per phone per moment,
a moment open for at most 7 days, scales 1 to 5.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from training.certificates.ratelimit import window_allowed

from . import errors
from .models import (
    DEFAULT_LIFETIME_HOURS,
    GAIN_FIELDS,
    MAX_LIFETIME_HOURS,
    STATEMENT_FIELDS,
    FeedbackAnswer,
    FeedbackMoment,
    GroupMeeting,
    PeerGroup,
)
from .permissions import associations_open_to, may_lead_groups

GROUP_FIELDS = ("name", "association", "setting", "rhythm", "shared_with_trainers")


def _check_association(*, facilitator, association) -> None:
    if (
        association is not None
        and not associations_open_to(facilitator).filter(pk=association.pk).exists()
    ):
        raise errors.GroupsError()


def peer_group_create(*, facilitator, client_id, **fields) -> tuple[PeerGroup, bool]:
    """Add a group the facilitator leads; the same `client_id` again returns the first."""
    if not may_lead_groups(facilitator):
        raise errors.NotForYou()
    existing = PeerGroup.objects.filter(facilitator=facilitator, client_id=client_id).first()
    if existing is not None:
        return existing, False
    fields = {name: fields[name] for name in GROUP_FIELDS if name in fields}
    _check_association(facilitator=facilitator, association=fields.get("association"))
    group = PeerGroup(facilitator=facilitator, client_id=client_id, **fields)
    group.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            group.save()
    except IntegrityError:
        existing = PeerGroup.objects.filter(facilitator=facilitator, client_id=client_id).first()
        if existing is None:
            raise
        return existing, False
    return group, True


def peer_group_update(*, group: PeerGroup, **fields) -> PeerGroup:
    fields = {name: fields[name] for name in GROUP_FIELDS if name in fields}
    _check_association(facilitator=group.facilitator, association=fields.get("association"))
    with transaction.atomic():
        for name, value in fields.items():
            setattr(group, name, value)
        group.full_clean(validate_unique=False, validate_constraints=False)
        group.save(update_fields=list(fields))
    return group


def peer_group_delete(*, group: PeerGroup) -> None:
    """Remove a group with its meetings, moments and answers (logged sessions stay)."""
    group.delete()


def meeting_get_or_create(
    *, group: PeerGroup, held_on: datetime.date, practice_session=None
) -> GroupMeeting:
    """The group's meeting on `held_on` (one per group and day), linked to the practice-log
    entry when one is given and the meeting had none."""
    if practice_session is not None and practice_session.facilitator_id != group.facilitator_id:
        raise errors.GroupsError()
    with transaction.atomic():
        meeting, _created = GroupMeeting.objects.get_or_create(group=group, held_on=held_on)
        if practice_session is not None and meeting.practice_session_id is None:
            meeting.practice_session = practice_session
            meeting.save(update_fields=["practice_session"])
    return meeting


def moment_open(*, meeting: GroupMeeting, lifetime_hours: int | None = None) -> FeedbackMoment:
    """Open the meeting's feedback moment, or return the one already opened (unchanged)."""
    hours = DEFAULT_LIFETIME_HOURS if lifetime_hours is None else lifetime_hours
    if not 1 <= hours <= MAX_LIFETIME_HOURS:
        raise errors.LifetimeTooLong()
    existing = FeedbackMoment.objects.filter(meeting=meeting).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return FeedbackMoment.objects.create(
                meeting=meeting, token=secrets.token_urlsafe(16), lifetime_hours=hours
            )
    except IntegrityError:
        existing = FeedbackMoment.objects.filter(meeting=meeting).first()
        if existing is None:
            raise
        return existing


def moment_close(*, moment: FeedbackMoment, now=None) -> FeedbackMoment:
    """Close a moment before its time (no more answers); closing again changes nothing."""
    now = now or timezone.now()
    if moment.is_open(now):
        moment.closed_early_at = now
        moment.save(update_fields=["closed_early_at"])
    return moment


def phone_key(*, moment: FeedbackMoment, phone_secret: str) -> str:
    """What the database keeps of the phone's cookie: a hash bound to this moment only."""
    return hashlib.sha256(f"{moment.token}:{phone_secret}".encode()).hexdigest()


def new_phone_secret() -> str:
    return secrets.token_urlsafe(24)


def answer_submit(
    *,
    moment: FeedbackMoment,
    phone_secret: str,
    scores: dict[str, int],
    gains: set[str] | frozenset[str],
    open_answer: str = "",
) -> FeedbackAnswer:
    """Keep one participant's answer: no account, no IP, no user agent, only the day.

    Refused (nothing stored) when the moment is closed (`MomentClosed`), when this phone
    already answered (`AlreadyAnswered`, the database's unique constraint decides) or when
    the moment gets more answers this minute than `GROUP_FEEDBACK_RATE_LIMIT` (`TooBusy`).
    """
    if not moment.is_open():
        raise errors.MomentClosed()
    key = phone_key(moment=moment, phone_secret=phone_secret)
    if FeedbackAnswer.objects.filter(moment=moment, phone_key=key).exists():
        raise errors.AlreadyAnswered()
    if not window_allowed(f"groups-answer:{moment.pk}", limit=settings.GROUP_FEEDBACK_RATE_LIMIT):
        raise errors.TooBusy()
    answer = FeedbackAnswer(
        moment=moment,
        phone_key=key,
        answered_on=timezone.localdate(),
        open_answer=open_answer.strip(),
        **{name: scores[name] for name in STATEMENT_FIELDS},
        **{name: name in gains for name in GAIN_FIELDS},
    )
    answer.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            answer.save()
    except IntegrityError as error:
        raise errors.AlreadyAnswered() from error
    return answer


def open_answers_expire(*, today: datetime.date | None = None, dry_run: bool = False) -> int:
    """Retention: empty open answers older than the retention period; the figures stay."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.GROUP_FEEDBACK_OPEN_ANSWER_RETENTION_DAYS)
    due = FeedbackAnswer.objects.filter(answered_on__lt=cutoff).exclude(open_answer="")
    if dry_run:
        return due.count()
    return due.update(open_answer="")


def meeting_case_bring(*, moment: FeedbackMoment, intervision_meeting, brought_by):
    """Bring a meeting's feedback to an intervision meeting as a case: the case carries the
    aggregated figures (above the threshold only), never an open answer. Once per moment
    and intervision meeting (a retry returns the same case)."""
    from training.continuing.services import case_save

    from .selectors import answer_summary

    if moment.meeting.group.facilitator_id != brought_by.pk:
        raise errors.GroupsError()
    summary = answer_summary(answers=moment.answers.all())
    if not summary.shown:
        raise errors.TooFewAnswers()
    lines = [
        _("Participants' feedback on the meeting of %(date)s (%(count)s answers):")
        % {"date": date_format(moment.meeting.held_on, "j F Y"), "count": summary.count}
    ]
    lines += [
        _("%(statement)s: %(agree)s%% agreed (national %(national)s%%)")
        % {
            "statement": statement.label,
            "agree": statement.agree_percent,
            "national": statement.national_percent,
        }
        for statement in summary.statements
    ]
    client_id = uuid.uuid5(moment.public_id, f"intervision-{intervision_meeting.pk}")
    return case_save(
        meeting=intervision_meeting,
        brought_by=brought_by,
        client_id=client_id,
        case="\n".join(lines),
    )


def groups_erase(*, user) -> None:
    """Erasure of a facilitator: their groups go, with meetings, moments and answers."""
    PeerGroup.objects.filter(facilitator=user).delete()
