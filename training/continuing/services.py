"""Writes of the practice log and the wellbeing check-in.

Every create takes the form's `client_id`, so a double click, a retried
POST or two tabs create one row (the database enforces it). Nothing here
puts a facilitator's words into an email, a log line or a cache.
"""

from __future__ import annotations

import datetime
import logging
from functools import partial

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from training.certificates.services import certificate_renew
from training.learning.permissions import trainers_of_learner
from training.mail import absolute_url, email_send
from training.versioning import ChangedElsewhere, update_if_unchanged

from . import errors
from .models import (
    ExternalActivity,
    IntervisionAttendance,
    IntervisionCase,
    IntervisionGroup,
    IntervisionMeeting,
    PracticeSession,
    SupportRequest,
    WellbeingCheckIn,
    WellbeingNudge,
)
from .permissions import UNCHOSEN, addressed_place, may_keep_log
from .selectors import current_certificates, renewal_progress

logger = logging.getLogger(__name__)

SESSION_FIELDS = (
    "held_on",
    "group_kind",
    "setting",
    "duration_minutes",
    "co_facilitator",
    "participants",
    "own_experience",
    "listening_moment",
    "boundary_moment",
    "shared_with_trainer",
)


def practice_session_create(
    *, facilitator, client_id, academy=UNCHOSEN, **fields
) -> tuple[PracticeSession, bool]:
    """Log a session; the same `client_id` again returns the first entry unchanged.

    `academy`: whose trainers may read it once shared (see `permissions.addressed_place`)."""
    if not may_keep_log(facilitator):
        raise errors.NotForYou()
    existing = PracticeSession.objects.filter(facilitator=facilitator, client_id=client_id).first()
    if existing is not None:
        return existing, False
    session = PracticeSession(
        facilitator=facilitator,
        client_id=client_id,
        academy=addressed_place(facilitator, academy),
        **fields,
    )
    session.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            session.save()
    except IntegrityError:
        existing = PracticeSession.objects.filter(
            facilitator=facilitator, client_id=client_id
        ).first()
        if existing is None:
            raise
        return existing, False
    transaction.on_commit(partial(_renewals_enqueue, [facilitator.pk]))
    return session, True


def practice_session_update(
    *, session: PracticeSession, version, academy=UNCHOSEN, **fields
) -> PracticeSession:
    """Change a logged session, from an edit form made at `version` (its `updated_at`).

    Refused with `SessionChangedElsewhere` (nothing changes) when the session
    was saved after that form was made, so newer text is never replaced.
    `academy`, when given, addresses the entry to another place of the facilitator's.
    """
    fields = {name: fields[name] for name in SESSION_FIELDS if name in fields}
    if academy is not UNCHOSEN:
        fields["academy"] = addressed_place(session.facilitator, academy)
    try:
        return update_if_unchanged(session, version=version, fields=fields)
    except ChangedElsewhere:
        raise errors.SessionChangedElsewhere() from None


def practice_session_delete(*, session: PracticeSession) -> None:
    session.delete()


def _first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def checkin_record(
    *,
    facilitator,
    client_id,
    session: PracticeSession | None = None,
    academy=UNCHOSEN,
    **fields,
) -> tuple[WellbeingCheckIn, bool]:
    """Record a check-in (once per client_id, once per session); raise a request for
    contact, to the trainers of `academy`, when the facilitator asks for one."""
    if not may_keep_log(facilitator):
        raise errors.NotForYou()
    place = addressed_place(facilitator, academy)
    if session is not None and session.facilitator_id != facilitator.pk:
        raise errors.ContinuingError()
    existing = WellbeingCheckIn.objects.filter(facilitator=facilitator, client_id=client_id).first()
    if existing is None and session is not None:
        existing = WellbeingCheckIn.objects.filter(session=session).first()
    if existing is not None:
        return existing, False
    checkin = WellbeingCheckIn(
        facilitator=facilitator, client_id=client_id, session=session, **fields
    )
    checkin.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            checkin.save()
            if checkin.wants_contact:
                support_request_raise(facilitator=facilitator, checkin=checkin, academy=place)
    except IntegrityError:
        same = WellbeingCheckIn.objects.filter(facilitator=facilitator, client_id=client_id)
        if session is not None:
            same = same | WellbeingCheckIn.objects.filter(session=session)
        existing = same.first()
        if existing is None:
            raise
        return existing, False
    return checkin, True


def support_request_raise(
    *, facilitator, checkin: WellbeingCheckIn | None = None, academy=UNCHOSEN
):
    """Ask the trainers of one place (`academy`, see `permissions.addressed_place`) to get
    in touch. No content: the email says only that someone asks for contact, with a link
    to the admin list (their name is behind the sign-in). One open request per place."""
    place = addressed_place(facilitator, academy)
    open_requests = SupportRequest.objects.filter(
        facilitator=facilitator, academy=place, followed_up_at__isnull=True
    )
    open_request = open_requests.first()
    if open_request is not None:
        return open_request, False
    try:
        with transaction.atomic():
            request = SupportRequest.objects.create(
                facilitator=facilitator, checkin=checkin, academy=place
            )
    except IntegrityError:
        # Asked twice at the same moment: the other request stands.
        return open_requests.get(), False
    transaction.on_commit(partial(_support_request_enqueue, request.pk))
    return request, True


def _support_request_enqueue(request_id: int) -> None:
    from .tasks import support_request_notify_task

    support_request_notify_task.enqueue(request_id=request_id)


def support_request_notify(*, request_id: int) -> int:
    request = SupportRequest.objects.select_related("facilitator").get(pk=request_id)
    url = absolute_url(reverse("support_requests:index"))
    sent = 0
    # Only the trainers of the place it is addressed to: never another academy's.
    for trainer in trainers_of_learner(request.facilitator, academy=request.academy):
        email_send(
            to=trainer.email,
            user=trainer,
            template="continuing/email/support_request",
            context={"url": url},
        )
        sent += 1
    if not sent:
        logger.warning("support request %s has no trainer to tell", request.pk)
    return sent


def support_request_follow_up(*, request: SupportRequest, trainer) -> SupportRequest:
    if request.followed_up_at is None:
        request.followed_up_at = timezone.now()
        request.followed_up_by = trainer
        request.save(update_fields=["followed_up_at", "followed_up_by"])
    return request


def wellbeing_nudges_send(*, today: datetime.date | None = None) -> int:
    """Once a month, ask facilitators who logged a session in the last 90 days and have not
    checked in this month how they are. The email holds no content, only a link."""

    today = today or timezone.localdate()
    month = _first_of_month(today)
    recent = today - datetime.timedelta(days=90)
    users = (
        get_user_model()
        .objects.filter(is_active=True, practice_sessions__held_on__gte=recent)
        .exclude(wellbeing_checkins__checked_on__gte=month)
        .distinct()
    )
    url = absolute_url(reverse("continuing:wellbeing"))
    sent = 0
    for user in users:
        try:
            with transaction.atomic():
                WellbeingNudge.objects.create(facilitator=user, month=month)
        except IntegrityError:
            continue
        email_send(
            to=user.email, user=user, template="continuing/email/nudge", context={"url": url}
        )
        sent += 1
    return sent


def personal_data_erase(*, user) -> None:
    """Erasure of an account: the log, check-ins, requests and nudges go entirely."""
    SupportRequest.objects.filter(facilitator=user).delete()
    WellbeingCheckIn.objects.filter(facilitator=user).delete()
    PracticeSession.objects.filter(facilitator=user).delete()
    WellbeingNudge.objects.filter(facilitator=user).delete()
    SupportRequest.objects.filter(followed_up_by=user).update(followed_up_by=None)
    IntervisionCase.objects.filter(brought_by=user).delete()
    IntervisionAttendance.objects.filter(facilitator=user).delete()
    for activity in ExternalActivity.objects.filter(facilitator=user):
        activity.proof.delete(save=False)
        activity.delete()
    IntervisionGroup.members.through.objects.filter(user=user).delete()


# --- Intervision -----------------------------------------------------------------------


def attendance_take(*, meeting: IntervisionMeeting, coordinator, present_ids: set[int]) -> int:
    """The coordinator records who was there; every member gets one row (re-taking replaces).
    Attendance counts towards renewal, so each member's renewal is evaluated afterwards."""
    group = meeting.group
    if group.coordinator_id != coordinator.pk:
        raise errors.NotYourGroup()
    member_ids = set(group.members.values_list("pk", flat=True))
    with transaction.atomic():
        for member_id in member_ids:
            IntervisionAttendance.objects.update_or_create(
                meeting=meeting,
                facilitator_id=member_id,
                defaults={"present": member_id in present_ids},
            )
        meeting.attendance_taken_at = timezone.now()
        meeting.save(update_fields=["attendance_taken_at"])
        transaction.on_commit(partial(_renewals_enqueue, sorted(member_ids)))
    return len(member_ids & present_ids)


CASE_FIELDS = ("case", "questions", "analysis", "advice", "takeaway", "shared_with_group")


def case_update(*, notes: IntervisionCase, version, **fields) -> IntervisionCase:
    """Change one's own case `notes` (`case` is one of their fields).

    `version` is the `updated_at` the edit form was made from: a save from a
    form older than the saved notes (another tab saved in between) raises
    `CaseChangedElsewhere` and changes nothing, so no text is replaced without
    its writer choosing; saving again from the refreshed form does.
    """
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise TypeError(f"not case fields: {sorted(unknown)}")
    try:
        return update_if_unchanged(notes, version=version, fields=fields)
    except ChangedElsewhere:
        raise errors.CaseChangedElsewhere() from None


def case_save(*, meeting: IntervisionMeeting, brought_by, client_id, **fields) -> IntervisionCase:
    """A member's own notes of a case they brought (once per client_id)."""
    if not meeting.group.members.filter(pk=brought_by.pk).exists():
        raise errors.NotYourGroup()
    existing = IntervisionCase.objects.filter(brought_by=brought_by, client_id=client_id).first()
    if existing is not None:
        return existing
    case = IntervisionCase(meeting=meeting, brought_by=brought_by, client_id=client_id, **fields)
    case.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError:
        return IntervisionCase.objects.get(brought_by=brought_by, client_id=client_id)
    return case


# --- Continued education and renewal ----------------------------------------------------


def external_activity_add(
    *, facilitator, client_id, proof, academy=UNCHOSEN, **fields
) -> ExternalActivity:
    """Add continued education, for the trainers of `academy` to confirm."""
    if not may_keep_log(facilitator):
        raise errors.NotForYou()
    existing = ExternalActivity.objects.filter(facilitator=facilitator, client_id=client_id).first()
    if existing is not None:
        return existing
    activity = ExternalActivity(
        facilitator=facilitator,
        client_id=client_id,
        academy=addressed_place(facilitator, academy),
        **fields,
    )
    activity.proof.save(proof.name, proof, save=False)
    activity.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            activity.save()
    except IntegrityError:
        activity.proof.delete(save=False)
        return ExternalActivity.objects.get(facilitator=facilitator, client_id=client_id)
    return activity


def external_activity_decide(*, activity: ExternalActivity, trainer, confirm: bool):
    activity.status = (
        ExternalActivity.Status.CONFIRMED if confirm else ExternalActivity.Status.REJECTED
    )
    activity.decided_by, activity.decided_at = trainer, timezone.now()
    activity.save(update_fields=["status", "decided_by", "decided_at"])
    transaction.on_commit(partial(_renewals_enqueue, [activity.facilitator_id]))
    return activity


def renewal_evaluate(*, facilitator) -> list:
    """Renew every current certificate of `facilitator` whose renewal rule is met."""
    renewed = []
    for certificate in current_certificates(user=facilitator):
        progress = renewal_progress(certificate=certificate)
        if progress is not None and progress.is_met and certificate.enrolment_id:
            new, created = certificate_renew(certificate=certificate)
            if created:
                renewed.append(new)
    return renewed


def renewals_evaluate(*, user_ids=None) -> int:
    """Evaluate the renewal of the given facilitators (default: everyone with a rule to meet)."""
    users = get_user_model().objects.filter(is_active=True)
    if user_ids is not None:
        users = users.filter(pk__in=user_ids)
    else:
        users = users.filter(certificates__qualification__renewal_rules__isnull=False).distinct()
    return sum(len(renewal_evaluate(facilitator=user)) for user in users)


def _renewals_enqueue(user_ids) -> None:
    """Renewal renders a PDF: never in the request, always in the worker."""
    from .tasks import renewals_evaluate_task

    renewals_evaluate_task.enqueue(user_ids=list(user_ids))
