"""Reads of groups' feedback. The threshold lives here, in ONE place: `answer_summary`.

Every page, CSV, PDF, API answer and email that shows figures gets them from
`answer_summary`, which shows nothing but the count below `feedback_threshold()`
(`GROUP_FEEDBACK_MIN_ANSWERS`, default 5, never below 3), and open answers only above it,
shuffled and without any date. Nobody reads `FeedbackAnswer` rows for display elsewhere.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from .models import (
    GAIN_FIELDS,
    NATIONAL_PERCENT,
    STATEMENT_FIELDS,
    FeedbackAnswer,
    FeedbackMoment,
    GroupMeeting,
    PeerGroup,
    Scale,
)
from .permissions import groups_of_association, groups_shared_with_trainer, own_groups

#: The threshold can be set higher, never lower than this.
THRESHOLD_FLOOR = 3
#: A statement "dips" when its share of agreement falls this many points below the
#: group's own average over its earlier meetings.
DIP_POINTS = 20


def feedback_threshold() -> int:
    """How many answers a moment (or quarter) needs before any figure is shown."""
    return max(THRESHOLD_FLOOR, int(settings.GROUP_FEEDBACK_MIN_ANSWERS))


def _label(name: str) -> str:
    return str(FeedbackAnswer._meta.get_field(name).verbose_name)


@dataclass(frozen=True)
class StatementFigures:
    key: str
    label: str
    national_percent: int
    # (value, label, count), 1..5
    distribution: list[tuple[int, str, int]]
    agree_percent: int  # share answering 4 or 5


@dataclass(frozen=True)
class GainFigures:
    key: str
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class Summary:
    count: int
    threshold: int
    statements: list[StatementFigures] = field(default_factory=list)
    gains: list[GainFigures] = field(default_factory=list)
    open_answers: list[str] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.count >= self.threshold

    def statement(self, key: str) -> StatementFigures | None:
        return next((s for s in self.statements if s.key == key), None)


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def answer_summary(
    *, answers: QuerySet[FeedbackAnswer], include_open_answers: bool = False
) -> Summary:
    """The figures of a set of answers; below the threshold only the count.

    Open answers only when asked for (the facilitator's own pages) and above the
    threshold, shuffled, as bare text (no date, no order of arrival).
    """
    threshold = feedback_threshold()
    aggregates = {"n": Count("pk")}
    for name in STATEMENT_FIELDS:
        for value in Scale.values:
            aggregates[f"{name}_{value}"] = Count("pk", filter=Q(**{name: value}))
    for name in GAIN_FIELDS:
        aggregates[name] = Count("pk", filter=Q(**{name: True}))
    totals = answers.aggregate(**aggregates)
    count = totals["n"]
    if count < threshold:
        return Summary(count=count, threshold=threshold)
    statements = []
    for name in STATEMENT_FIELDS:
        distribution = [
            (value, str(label), totals[f"{name}_{value}"]) for value, label in Scale.choices
        ]
        agree = totals[f"{name}_4"] + totals[f"{name}_5"]
        statements.append(
            StatementFigures(
                key=name,
                label=_label(name),
                national_percent=NATIONAL_PERCENT[name],
                distribution=distribution,
                agree_percent=_percent(agree, count),
            )
        )
    gains = [
        GainFigures(
            key=name, label=_label(name), count=totals[name], percent=_percent(totals[name], count)
        )
        for name in GAIN_FIELDS
    ]
    open_answers = []
    if include_open_answers:
        open_answers = list(answers.exclude(open_answer="").values_list("open_answer", flat=True))
        random.SystemRandom().shuffle(open_answers)
    return Summary(
        count=count,
        threshold=threshold,
        statements=statements,
        gains=gains,
        open_answers=open_answers,
    )


# --- A group's results over its meetings -----------------------------------------------


@dataclass(frozen=True)
class MeetingResult:
    moment: FeedbackMoment
    summary: Summary

    @property
    def held_on(self) -> datetime.date:
        return self.moment.meeting.held_on


@dataclass(frozen=True)
class StatementTrend:
    key: str
    label: str
    national_percent: int
    national_y: float
    points: str  # SVG polyline points
    dots: list[tuple[float, float, int]]
    dips: bool


@dataclass(frozen=True)
class GroupResults:
    group: PeerGroup
    meetings: list[MeetingResult]  # oldest first
    trends: list[StatementTrend]
    # Of every meeting above the threshold, pooled and shuffled: no date, no order.
    open_answers: list[str] = field(default_factory=list)
    width: int = 320
    height: int = 140

    @property
    def shown_meetings(self) -> list[MeetingResult]:
        return [m for m in self.meetings if m.summary.shown]

    @property
    def dipping(self) -> list[StatementTrend]:
        return [t for t in self.trends if t.dips]


_LEFT, _RIGHT, _TOP, _BOTTOM = 40, 12, 12, 20
TREND_MEETINGS = 12


def _y(percent: float, height: int) -> float:
    usable = height - _TOP - _BOTTOM
    return round(_TOP + usable * (100 - percent) / 100, 1)


def _x(index: int, count: int, width: int) -> float:
    usable = width - _LEFT - _RIGHT
    if count == 1:
        return _LEFT + usable / 2
    return round(_LEFT + usable * index / (count - 1), 1)


def gridlines(height: int = GroupResults.height) -> list[tuple[int, float]]:
    return [(value, _y(value, height)) for value in (0, 50, 100)]


def _dips(values: list[int]) -> bool:
    """The last meeting clearly below the group's own earlier average (two meetings at least)."""
    if len(values) < 3:
        return False
    earlier = values[:-1]
    return values[-1] <= sum(earlier) / len(earlier) - DIP_POINTS


def group_results(*, group: PeerGroup) -> GroupResults:
    """A group's meetings with a moment (oldest first), each summarised through the one
    threshold, and per statement the trend of agreement over the meetings shown."""
    moments = list(
        FeedbackMoment.objects.filter(meeting__group=group)
        .select_related("meeting")
        .order_by("-meeting__held_on")[:TREND_MEETINGS]
    )
    moments.reverse()
    meetings = [
        MeetingResult(
            moment=moment,
            summary=answer_summary(answers=moment.answers.all(), include_open_answers=True),
        )
        for moment in moments
    ]
    shown = [m for m in meetings if m.summary.shown]
    width, height = GroupResults.width, GroupResults.height
    trends = []
    for name in STATEMENT_FIELDS:
        values = [m.summary.statement(name).agree_percent for m in shown]
        dots = [(_x(i, len(values), width), _y(v, height), v) for i, v in enumerate(values)]
        trends.append(
            StatementTrend(
                key=name,
                label=_label(name),
                national_percent=NATIONAL_PERCENT[name],
                national_y=_y(NATIONAL_PERCENT[name], height),
                points=" ".join(f"{x},{y}" for x, y, _v in dots),
                dots=dots,
                dips=_dips(values),
            )
        )
    open_answers = [text for m in shown for text in m.summary.open_answers]
    random.SystemRandom().shuffle(open_answers)
    return GroupResults(group=group, meetings=meetings, trends=trends, open_answers=open_answers)


def dipping_groups(*, user) -> list[tuple[PeerGroup, GroupResults]]:
    """The facilitator's groups whose last meeting with figures dipped on a statement."""
    found = []
    for group in own_groups(user):
        results = group_results(group=group)
        if results.dipping:
            found.append((group, results))
    return found


def feedback_reflections(*, user_id, start: datetime.date, end: datetime.date) -> list:
    """The facilitator's logged sessions in [start, end] with a written reflection, linked
    to a meeting whose feedback reached the threshold."""
    meetings = GroupMeeting.objects.filter(
        group__facilitator_id=user_id,
        practice_session__isnull=False,
        practice_session__held_on__gte=start,
        practice_session__held_on__lte=end,
        moment__isnull=False,
    ).select_related("practice_session", "moment")
    return [
        meeting.practice_session
        for meeting in meetings
        if meeting.practice_session.has_reflection
        and answer_summary(answers=meeting.moment.answers.all()).shown
    ]


def groups_overview(*, user) -> list[tuple[PeerGroup, int, FeedbackMoment | None]]:
    """The facilitator's groups, each with its number of answers and its open moment."""
    now = timezone.now()
    rows = []
    groups = own_groups(user).annotate(answers=Count("meetings__moment__answers"))
    for group in groups:
        moments = FeedbackMoment.objects.filter(
            meeting__group=group, opened_at__gte=now - datetime.timedelta(days=7)
        ).select_related("meeting")
        open_moment = next((m for m in moments if m.is_open(now)), None)
        rows.append((group, group.answers, open_moment))
    return rows


# --- Association and trainers: figures only, per quarter --------------------------------


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    start = datetime.date(year, 3 * (quarter - 1) + 1, 1)
    end = datetime.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    return start, end


def quarter_of(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


@dataclass(frozen=True)
class QuarterReport:
    association: object
    year: int
    quarter: int
    groups: list[tuple[PeerGroup, Summary]]
    overall: Summary

    @property
    def label(self) -> str:
        return f"{self.year} Q{self.quarter}"


def association_quarter(*, association, year: int, quarter: int) -> QuarterReport:
    """Per group and across groups, the answers of one quarter (by meeting date), pooled:
    no per-meeting figures, no open answers, nothing but counts below the threshold."""
    start, end = quarter_bounds(year, quarter)
    groups = list(groups_of_association(association).order_by("name", "pk"))
    in_quarter = FeedbackAnswer.objects.filter(
        moment__meeting__held_on__gte=start, moment__meeting__held_on__lt=end
    )
    rows = [
        (group, answer_summary(answers=in_quarter.filter(moment__meeting__group=group)))
        for group in groups
    ]
    overall = answer_summary(answers=in_quarter.filter(moment__meeting__group__in=groups))
    return QuarterReport(
        association=association, year=year, quarter=quarter, groups=rows, overall=overall
    )


def trainer_summary(*, user) -> Summary:
    """Figures only, across the shared groups of the learners `user` trains."""
    return answer_summary(
        answers=FeedbackAnswer.objects.filter(
            moment__meeting__group__in=groups_shared_with_trainer(user)
        )
    )


def personal_data(*, user) -> dict:
    """The facilitator's groups, meetings, moments and aggregates (no open answers: those
    are the participants' words, not the facilitator's data)."""

    def figures(summary: Summary) -> dict:
        return {
            "answers": summary.count,
            "statements": {
                s.key: {str(value): count for value, _label, count in s.distribution}
                for s in summary.statements
            },
            "gains": {g.key: g.count for g in summary.gains},
        }

    groups = []
    for group in own_groups(user).select_related("association"):
        meetings = []
        for meeting in group.meetings.order_by("held_on").select_related("moment"):
            moment = getattr(meeting, "moment", None)
            meetings.append(
                {
                    "held_on": meeting.held_on.isoformat(),
                    "feedback": (
                        figures(answer_summary(answers=moment.answers.all())) if moment else None
                    ),
                }
            )
        groups.append(
            {
                "name": group.name,
                "association": group.association.name if group.association else None,
                "setting": group.setting,
                "rhythm": group.rhythm,
                "shared_with_trainers": group.shared_with_trainers,
                "meetings": meetings,
            }
        )
    return {"peer_groups": groups}
