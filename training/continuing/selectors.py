"""Reads of the practice log and the wellbeing trend (the facilitator's own only)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils import timezone

from training.certificates.models import Certificate, CertificateStatus
from training.courses.models import LessonPage, ModulePage
from training.courses.pillars import Pillar
from training.hooks import RENEWAL_LINES, contributions
from training.learning.models import LessonProgress

from .models import (
    ExternalActivity,
    IntervisionAttendance,
    IntervisionCase,
    IntervisionGroup,
    PracticeSession,
    RenewalRule,
    SupportRequest,
    WellbeingCheckIn,
)
from .permissions import own_checkins, own_sessions

TREND_POINTS = 12


@dataclass(frozen=True)
class LogSummary:
    sessions: int
    minutes: int

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)


def log_summary(*, user) -> LogSummary:
    totals = own_sessions(user).aggregate(sessions=Count("pk"), minutes=Sum("duration_minutes"))
    return LogSummary(sessions=totals["sessions"] or 0, minutes=totals["minutes"] or 0)


@dataclass(frozen=True)
class TrendSeries:
    key: str
    label: str
    points: str  # SVG polyline points
    dots: list[tuple[float, float, int]]


@dataclass(frozen=True)
class Trend:
    checkins: list[WellbeingCheckIn]  # oldest first
    series: list[TrendSeries]
    width: int = 600
    height: int = 180

    @property
    def is_empty(self) -> bool:
        return not self.checkins


# Chart geometry: a 1-4 scale from bottom to top, check-ins left to right.
_LEFT, _RIGHT, _TOP, _BOTTOM = 40, 16, 16, 28


def _y(value: int, height: int) -> float:
    usable = height - _TOP - _BOTTOM
    return round(_TOP + usable * (4 - value) / 3, 1)


def _x(index: int, count: int, width: int) -> float:
    usable = width - _LEFT - _RIGHT
    if count == 1:
        return _LEFT + usable / 2
    return round(_LEFT + usable * index / (count - 1), 1)


def wellbeing_trend(*, user, labels: dict[str, str]) -> Trend:
    """The last check-ins as three lines on a 1-4 scale (energy it cost, energy it gave,
    sleep), for an SVG drawn on the server, with the same data as a table."""
    checkins = list(own_checkins(user).order_by("-checked_on", "-created_at")[:TREND_POINTS])
    checkins.reverse()
    width, height = Trend.width, Trend.height
    series = []
    for key in ("energy_cost", "energy_gain", "sleep"):
        dots = [
            (_x(i, len(checkins), width), _y(getattr(c, key), height), getattr(c, key))
            for i, c in enumerate(checkins)
        ]
        series.append(
            TrendSeries(
                key=key,
                label=labels[key],
                points=" ".join(f"{x},{y}" for x, y, _v in dots),
                dots=dots,
            )
        )
    return Trend(checkins=checkins, series=series)


def gridlines(height: int = Trend.height) -> list[tuple[int, float]]:
    return [(value, _y(value, height)) for value in (1, 2, 3, 4)]


def personal_data(*, user) -> dict:
    """Everything of this app about `user`, for their data export."""

    def when(value):
        return value.isoformat() if value else None

    return {
        "practice_log": [
            {
                "held_on": when(s.held_on),
                "group_kind": s.group_kind,
                "setting": s.setting,
                "duration_minutes": s.duration_minutes,
                "co_facilitator": s.co_facilitator,
                "participants": s.participants,
                "own_experience": s.own_experience,
                "listening_moment": s.listening_moment,
                "boundary_moment": s.boundary_moment,
                "shared_with_trainer": s.shared_with_trainer,
            }
            for s in own_sessions(user).order_by("held_on", "created_at")
        ],
        "wellbeing_checkins": [
            {
                "checked_on": when(c.checked_on),
                "energy_cost": c.energy_cost,
                "energy_gain": c.energy_gain,
                "sleep": c.sleep,
                "lingering": c.lingering,
                "wants_contact": c.wants_contact,
            }
            for c in own_checkins(user).order_by("checked_on", "created_at")
        ],
        "intervision": [
            {
                "group": a.meeting.group.name,
                "meeting": when(a.meeting.starts_at),
                "attended": a.present,
            }
            for a in IntervisionAttendance.objects.filter(facilitator=user).select_related(
                "meeting__group"
            )
        ],
        "intervision_cases": [
            {
                "meeting": when(c.meeting.starts_at),
                "case": c.case,
                "questions": c.questions,
                "analysis": c.analysis,
                "advice": c.advice,
                "takeaway": c.takeaway,
                "shared_with_group": c.shared_with_group,
            }
            for c in IntervisionCase.objects.filter(brought_by=user).select_related("meeting")
        ],
        "continued_education": [
            {
                "title": x.title,
                "done_on": when(x.done_on),
                "hours": str(x.hours),
                "on_boundaries": x.on_boundaries,
                "status": x.status,
            }
            for x in ExternalActivity.objects.filter(facilitator=user)
        ],
        "support_requests": [
            {"raised_at": when(r.raised_at), "followed_up_at": when(r.followed_up_at)}
            for r in SupportRequest.objects.filter(facilitator=user).order_by("raised_at")
        ],
    }


# --- Continued education and renewal --------------------------------------------------


@dataclass(frozen=True)
class LedgerLine:
    day: datetime.date
    kind: str  # "intervision" | "practice" | "lesson" | "external" | "feedback_reflection"
    title: str
    hours: float
    boundary_hours: float = 0
    counted: bool = True
    status: str = ""


@dataclass(frozen=True)
class RenewalProgress:
    certificate: object
    rule: object
    lines: list
    hours: float
    boundary_hours: float
    intervision_hours: float
    practice_hours: float  # after the cap

    @property
    def missing_hours(self) -> float:
        return max(0.0, round(self.rule.hours - self.hours, 1))

    @property
    def missing_boundary_hours(self) -> float:
        return max(0.0, round(self.rule.boundary_hours - self.boundary_hours, 1))

    @property
    def missing_intervision_hours(self) -> float:
        return max(0.0, round(self.rule.intervision_hours - self.intervision_hours, 1))

    @property
    def is_met(self) -> bool:
        return not (
            self.missing_hours or self.missing_boundary_hours or self.missing_intervision_hours
        )

    @property
    def percent(self) -> int:
        if not self.rule.hours:
            return 100
        return min(100, int(100 * self.hours / self.rule.hours))


def current_certificates(*, user):
    """The facilitator's current certificates: valid, not superseded, not revoked."""
    today = timezone.localdate()
    return [
        c
        for c in Certificate.objects.filter(
            learner=user, superseded_by__isnull=True, revoked_at__isnull=True
        ).select_related("enrolment")
        if c.status_on(today) == CertificateStatus.VALID
    ]


def renewal_progress(*, certificate) -> RenewalProgress | None:
    """What counts towards renewing `certificate` within its validity period, per source."""
    rule = RenewalRule.objects.filter(qualification_id=certificate.qualification_id).first()
    if rule is None:
        return None
    user_id = certificate.learner_id
    start = certificate.issued_on
    end = certificate.valid_until or timezone.localdate()
    lines: list[LedgerLine] = []

    for attendance in IntervisionAttendance.objects.filter(
        facilitator_id=user_id,
        present=True,
        meeting__starts_at__date__gte=start,
        meeting__starts_at__date__lte=end,
    ).select_related("meeting__group"):
        meeting = attendance.meeting
        lines.append(
            LedgerLine(
                day=timezone.localtime(meeting.starts_at).date(),
                kind="intervision",
                title=meeting.group.name,
                hours=round(meeting.duration_minutes / 60, 1),
            )
        )

    practice_minutes = 0
    for session in PracticeSession.objects.filter(
        facilitator_id=user_id, held_on__gte=start, held_on__lte=end
    ):
        practice_minutes += session.duration_minutes
        lines.append(
            LedgerLine(
                day=session.held_on,
                kind="practice",
                title=session.group_kind,
                hours=round(session.duration_minutes / 60, 1),
            )
        )

    progress = list(
        LessonProgress.objects.filter(
            enrolment__learner_id=user_id,
            completed_at__date__gt=start,
            completed_at__date__lte=end,
        ).values_list("lesson_id", "completed_at")
    )
    if progress:
        lessons = {
            lesson.pk: lesson
            for lesson in LessonPage.objects.filter(pk__in=[pk for pk, _ in progress]).only(
                "pk", "title", "path", "duration_minutes"
            )
        }
        modules = list(ModulePage.objects.only("path", "pillar"))
        for lesson_id, completed_at in progress:
            lesson = lessons.get(lesson_id)
            if lesson is None or not lesson.duration_minutes:
                continue
            pillar = next((m.pillar for m in modules if lesson.path.startswith(m.path)), None)
            hours = round(lesson.duration_minutes / 60, 2)
            lines.append(
                LedgerLine(
                    day=timezone.localtime(completed_at).date(),
                    kind="lesson",
                    title=lesson.title,
                    hours=hours,
                    boundary_hours=hours if pillar == Pillar.BOUNDARIES else 0,
                )
            )

    for activity in ExternalActivity.objects.filter(
        facilitator_id=user_id, done_on__gte=start, done_on__lte=end
    ):
        confirmed = activity.status == ExternalActivity.Status.CONFIRMED
        hours = float(activity.hours)
        lines.append(
            LedgerLine(
                day=activity.done_on,
                kind="external",
                title=activity.title,
                hours=hours,
                boundary_hours=hours if activity.on_boundaries else 0,
                counted=confirmed,
                status=activity.get_status_display(),
            )
        )

    if rule.feedback_reflection_cap_hours:
        # Higher apps add lines (the groups app: reflections on participants' feedback).
        for contribute in contributions(RENEWAL_LINES):
            lines.extend(contribute(user_id=user_id, start=start, end=end) or [])

    lines.sort(key=lambda line: line.day)
    counted = [line for line in lines if line.counted]
    feedback = min(
        sum(line.hours for line in counted if line.kind == "feedback_reflection"),
        rule.feedback_reflection_cap_hours,
    )
    intervision = sum(line.hours for line in counted if line.kind == "intervision")
    practice = min(practice_minutes / 60, rule.practice_cap_hours)
    other = sum(line.hours for line in counted if line.kind in ("lesson", "external"))
    boundary = sum(line.boundary_hours for line in counted)
    return RenewalProgress(
        certificate=certificate,
        rule=rule,
        lines=lines,
        hours=round(intervision + practice + other + feedback, 1),
        boundary_hours=round(boundary, 1),
        intervision_hours=round(intervision, 1),
        practice_hours=round(practice, 1),
    )


def renewal_reminder_context(certificate) -> dict:
    """For the expiry reminder: how far renewal is, when the course has a renewal rule."""
    return {"renewal": renewal_progress(certificate=certificate)}


def in_intervision_group(*, user) -> bool:
    return IntervisionGroup.objects.filter(members=user).exists()
