"""Reads of the skills lab: the activity page, a group's rounds, the growth view."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from training.courses.pillars import Pillar
from training.learning.models import Cohort, Enrolment

from .coaching import coach_hints
from .models import (
    Observation,
    ObservationCriterion,
    PracticeActivityPage,
    PracticeGroup,
    PracticeMember,
    PracticeOptIn,
    PracticeRound,
)
from .policies import practice_group_policy
from .slots import slot_choices


def active_enrolment(*, user, activity: PracticeActivityPage) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    course = activity.course
    if course is None:
        return None
    return (
        Enrolment.objects.filter(learner=user, course=course, status=Enrolment.Status.ACTIVE)
        .select_related("cohort")
        .first()
    )


def activity_page_context(*, user, activity: PracticeActivityPage) -> dict:
    enrolment = active_enrolment(user=user, activity=activity)
    context = {
        "enrolment": enrolment,
        "module": activity.module,
        "pillar": Pillar(activity.pillar),
        "criteria": list(activity.criteria.all()),
        "scenarios": list(activity.scenarios.all()),
        "slot_choices": slot_choices(),
    }
    if enrolment is None:
        return context
    opt_in = PracticeOptIn.objects.filter(activity=activity, enrolment=enrolment).first()
    member = (
        PracticeMember.objects.filter(activity=activity, enrolment=enrolment)
        .select_related("group")
        .first()
    )
    waiting = 0
    if opt_in and not member:
        waiting = PracticeOptIn.objects.filter(activity=activity, cohort=enrolment.cohort).count()
    context.update(
        {
            "opt_in": opt_in,
            "member": member,
            "group": member.group if member else None,
            "alone": bool(opt_in and not member and waiting <= 1),
            "grouping_moment": (
                activity.grouping_moment(opt_in.created_at) if opt_in and not member else None
            ),
        }
    )
    return context


def group_for_user(*, user, public_id, action: str = "view") -> PracticeGroup:
    """The group if `user` may `action` it; raises PracticeGroup.DoesNotExist otherwise."""
    return (
        practice_group_policy.instances_user_has_permission_for(user, action)
        .select_related("activity", "cohort")
        .get(public_id=public_id)
    )


def member_of(*, group: PracticeGroup, user) -> PracticeMember | None:
    """The user's place in the group: as a learner (active) or as the trainer who joined."""
    return (
        group.members.filter(
            Q(enrolment__learner=user, enrolment__status=Enrolment.Status.ACTIVE) | Q(trainer=user)
        )
        .select_related("enrolment__learner", "trainer")
        .first()
    )


@dataclass
class RoundView:
    round: PracticeRound
    observers: list
    observations: list
    rating: object
    reflection: object
    turns: list = field(default_factory=list)
    hints: list = field(default_factory=list)

    @property
    def complete(self) -> bool:
        observed = {o.observer_id for o in self.observations}
        return (
            all(m.pk in observed for m in self.observers)
            and self.rating is not None
            and self.reflection is not None
        )


def _one(manager_objects):
    return manager_objects[0] if manager_objects else None


def group_rounds(*, group: PracticeGroup) -> list[RoundView]:
    from .services import round_observers

    rounds = (
        group.rounds.select_related(
            "speaker__enrolment__learner",
            "speaker__trainer",
            "listener__enrolment__learner",
            "scenario",
        )
        .prefetch_related(
            "observations",
            "turns",
            "group__members__enrolment__learner",
            "group__members__trainer",
        )
        .order_by("number")
    )
    views = []
    for practice_round in rounds:
        rating = getattr(practice_round, "rating", None) if _has(practice_round, "rating") else None
        reflection = (
            practice_round.self_reflection if _has(practice_round, "self_reflection") else None
        )
        observations = list(practice_round.observations.all())
        texts = [o for obs in observations for o in obs.answers.values() if isinstance(o, str)]
        if rating:
            texts.append(rating.sentence)
        if reflection:
            texts += [reflection.went_well, reflection.advice_moment]
        views.append(
            RoundView(
                round=practice_round,
                observers=round_observers(practice_round),
                observations=observations,
                rating=rating,
                reflection=reflection,
                turns=list(practice_round.turns.all()),
                hints=coach_hints(texts),
            )
        )
    return views


def _has(instance, related_name: str) -> bool:
    try:
        getattr(instance, related_name)
    except Exception:  # RelatedObjectDoesNotExist
        return False
    return True


# --- Growth ---------------------------------------------------------------------------

MEASURES = [
    ObservationCriterion.Measure.OPEN_QUESTIONS,
    ObservationCriterion.Measure.CLOSED_QUESTIONS,
    ObservationCriterion.Measure.ADVICE,
    ObservationCriterion.Measure.SUMMARIES,
]


@dataclass
class GrowthPoint:
    label: str
    activity_title: str
    round_number: int
    measures: dict  # measure -> average count over the round's observations (or None)
    felt_heard: int | None
    observed: bool


def listener_growth(*, enrolment: Enrolment) -> list[GrowthPoint]:
    """Each round this learner listened in, in time order, with what was observed."""
    rounds = (
        PracticeRound.objects.filter(listener__enrolment=enrolment)
        .select_related("group__activity")
        .prefetch_related(
            Prefetch("observations", queryset=Observation.objects.order_by("pk")),
            "group__activity__criteria",
        )
        .order_by("group__created_at", "number")
    )
    counted = set(
        PracticeRound.objects.that_count()
        .filter(listener__enrolment=enrolment)
        .values_list("pk", flat=True)
    )
    points = []
    for index, practice_round in enumerate(rounds, start=1):
        activity = practice_round.group.activity
        measure_keys = {
            str(c.key): c.measure
            for c in activity.criteria.all()
            if c.kind == ObservationCriterion.Kind.COUNT and c.measure
        }
        observations = list(practice_round.observations.all())
        measures = {}
        for measure in MEASURES:
            values = [
                obs.answers[key]
                for obs in observations
                for key, m in measure_keys.items()
                if m == measure and isinstance(obs.answers.get(key), int)
            ]
            measures[measure.value] = _tidy(sum(values) / len(values)) if values else None
        rating = practice_round.rating if _has(practice_round, "rating") else None
        points.append(
            GrowthPoint(
                label=str(index),
                activity_title=activity.title,
                round_number=practice_round.number,
                measures=measures,
                felt_heard=rating.felt_heard if rating else None,
                observed=practice_round.pk in counted,
            )
        )
    return points


def _tidy(value: float):
    """An average for people: a whole number when it is one, else one decimal."""
    value = round(value, 1)
    return int(value) if value == int(value) else value


def listener_rounds_observed(*, enrolment: Enrolment) -> int:
    """Rounds this learner listened in with at least one observation received, of
    practice that happened (`PracticeRoundQuerySet.that_count`)."""
    return PracticeRound.objects.that_count().filter(listener__enrolment=enrolment).count()


def cohort_growth(*, cohort: Cohort) -> list[dict]:
    """Per learner of the cohort: rounds listened, rounds observed, average felt heard."""
    rows = []
    enrolments = cohort.enrolments.filter(status=Enrolment.Status.ACTIVE).select_related("learner")
    for enrolment in enrolments.order_by("learner__display_name"):
        points = listener_growth(enrolment=enrolment)
        heard = [p.felt_heard for p in points if p.felt_heard is not None]
        rows.append(
            {
                "enrolment": enrolment,
                "rounds": len(points),
                "observed": sum(1 for p in points if p.observed),
                "felt_heard": round(sum(heard) / len(heard), 1) if heard else None,
                "waiting": PracticeOptIn.objects.filter(enrolment=enrolment)
                .exclude(
                    activity__in=PracticeMember.objects.filter(enrolment=enrolment).values(
                        "activity"
                    )
                )
                .exists(),
            }
        )
    return rows


def practice_personal_data(*, enrolment_ids) -> dict:
    """What a learner did in the skills lab, for their data export: their groups and
    rounds by role, the observations and ratings they received as listener, and what
    they wrote themselves (self-reflections, ratings given, written turns)."""
    from .dilemmas import dilemma_personal_data
    from .models import (
        ListenerReflection,
        Observation,
        PracticeGroupMet,
        PracticeMember,
        PracticeOptIn,
        SpeakerRating,
        WrittenTurn,
    )
    from .solo import solo_personal_data

    def when(value):
        return value.isoformat() if value else None

    members = list(
        PracticeMember.objects.filter(enrolment_id__in=enrolment_ids).select_related(
            "group", "activity"
        )
    )
    member_ids = [m.pk for m in members]
    met = dict(
        PracticeGroupMet.objects.filter(group_id__in=[m.group_id for m in members]).values_list(
            "group_id", "confirmed_at"
        )
    )
    return {
        "practice_opt_ins": [
            {"activity": o.activity.title, "slots": o.slots, "at": when(o.created_at)}
            for o in PracticeOptIn.objects.filter(enrolment_id__in=enrolment_ids).select_related(
                "activity"
            )
        ],
        "practice_groups": [
            {
                "activity": m.activity.title,
                "group": m.group.number,
                "agreed_at": when(m.agreed_at),
                "meeting_at": when(m.group.meeting_at),
                "met_at": when(met.get(m.group_id)),
            }
            for m in members
        ],
        "practice_observations_received": [
            {"round": o.round.number, "answers": o.answers, "at": when(o.submitted_at)}
            for o in Observation.objects.filter(round__listener_id__in=member_ids).select_related(
                "round"
            )
        ],
        "practice_ratings_received": [
            {"round": r.round.number, "felt_heard": r.felt_heard, "sentence": r.sentence}
            for r in SpeakerRating.objects.filter(round__listener_id__in=member_ids).select_related(
                "round"
            )
        ],
        "practice_ratings_given": [
            {"round": r.round.number, "felt_heard": r.felt_heard, "sentence": r.sentence}
            for r in SpeakerRating.objects.filter(round__speaker_id__in=member_ids).select_related(
                "round"
            )
        ],
        "practice_self_reflections": [
            {"round": r.round.number, "went_well": r.went_well, "advice_moment": r.advice_moment}
            for r in ListenerReflection.objects.filter(
                round__listener_id__in=member_ids
            ).select_related("round")
        ],
        "practice_written_turns": [
            {"round": t.round.number, "number": t.number, "text": t.text}
            for t in WrittenTurn.objects.filter(author_id__in=member_ids).select_related("round")
        ],
        **solo_personal_data(enrolment_ids=enrolment_ids),
        **dilemma_personal_data(enrolment_ids=enrolment_ids),
    }
