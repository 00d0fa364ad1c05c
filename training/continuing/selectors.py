"""Reads of the practice log and the wellbeing trend (the facilitator's own only)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Sum

from .models import WellbeingCheckIn
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
    from .models import SupportRequest

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
        "support_requests": [
            {"raised_at": when(r.raised_at), "followed_up_at": when(r.followed_up_at)}
            for r in SupportRequest.objects.filter(facilitator=user).order_by("raised_at")
        ],
    }
