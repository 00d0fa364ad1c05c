"""Can every learner meet the course's practice rule with what the course offers?

The rule (`PracticeRequirement`) asks N rounds as listener with an observation
received. Each practice activity gives every member of a group a number of
listener rounds that depends on the rounds it plans and on the group's size
(roles rotate, see `grouping`); groups have two to four members, so an
activity is counted with the fewest listener rounds any member of any group
size gets. Learners practise live (they meet) or in writing; a learner who
cannot meet has only the written activities. So the rule is judged per mode:

- not met even with every activity of the course: it cannot be met at all,
  and saving it is refused (`PracticeRequirement.clean`);
- met with all activities but not by one mode on its own: a warning in the
  editor (a learner who only practises in writing, or only live, cannot finish).

Reads only; no personal data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .grouping import round_roles, rounds_needed
from .models import PracticeActivityPage, PracticeRequirement

GROUP_SIZES = (2, 3, 4)


def listener_rounds_guaranteed(*, rounds: int) -> int:
    """Listener rounds every member gets in one activity planning `rounds` rounds:
    the fewest over every group size and every position in the group."""
    fewest = []
    for size in GROUP_SIZES:
        total = rounds_needed(planned=rounds, size=size)
        listened = Counter(round_roles(round_index=i, size=size).listener for i in range(total))
        fewest.append(min(listened.get(position, 0) for position in range(size)))
    return min(fewest)


@dataclass(frozen=True)
class ModeOffer:
    mode: str
    activities: int
    listener_rounds: int

    @property
    def label(self) -> str:
        return _("live") if self.mode == PracticeActivityPage.Mode.LIVE else _("in writing")


@dataclass(frozen=True)
class PracticeFeasibility:
    """What the course's practice activities offer each learner, against the rule."""

    required: int | None
    live: ModeOffer
    written: ModeOffer

    @property
    def modes(self) -> list[ModeOffer]:
        return [self.live, self.written]

    @property
    def offered(self) -> int:
        return self.live.listener_rounds + self.written.listener_rounds

    @property
    def can_be_met(self) -> bool:
        """Met at all: by a learner who takes part in every activity, live and written."""
        return self.required is None or self.offered >= self.required

    def met_in(self, offer: ModeOffer) -> bool:
        return self.required is None or offer.listener_rounds >= self.required

    @property
    def short_modes(self) -> list[ModeOffer]:
        return [offer for offer in self.modes if not self.met_in(offer)]

    @property
    def met_in_every_mode(self) -> bool:
        return not self.short_modes

    def refusal(self) -> str:
        """Why the rule cannot be met at all (for a ValidationError)."""
        return _(
            "No learner can meet this rule: the practice activities of this course give each "
            "learner %(offered)s round(s) as listener (live %(live)s, in writing %(written)s), "
            "and the rule asks %(required)s. Add practice activities to the course, or ask "
            "fewer rounds."
        ) % {
            "offered": self.offered,
            "live": self.live.listener_rounds,
            "written": self.written.listener_rounds,
            "required": self.required,
        }

    def warnings(self) -> list[str]:
        """One sentence per mode in which a learner cannot meet the rule on its own."""
        texts = []
        for offer in self.short_modes:
            if offer.mode == PracticeActivityPage.Mode.WRITTEN:
                text = _(
                    "A learner who can only practise in writing gets %(offered)s of the "
                    "%(required)s rounds as listener and cannot meet this rule. Add a written "
                    "practice activity."
                )
            else:
                text = _(
                    "A learner who only practises live gets %(offered)s of the %(required)s "
                    "rounds as listener and cannot meet this rule. Add a live practice activity."
                )
            texts.append(text % {"offered": offer.listener_rounds, "required": self.required})
        return texts

    def summary(self, offer: ModeOffer) -> str:
        activities = ngettext("%(count)s activity", "%(count)s activities", offer.activities) % {
            "count": offer.activities
        }
        return _("%(activities)s: %(rounds)s of %(required)s rounds as listener") % {
            "activities": activities,
            "rounds": offer.listener_rounds,
            "required": self.required,
        }


def practice_rules_feasibility(
    *,
    course,
    required: int | None = None,
    activity: PracticeActivityPage | None = None,
    without: PracticeActivityPage | None = None,
) -> PracticeFeasibility:
    """Whether the course's practice rule can be met, in each mode.

    `required`: the number of listener rounds being saved (default: the course's
    rule; none: nothing to meet). `activity`: a practice activity being edited,
    counted with its own mode and rounds as if it were published. `without`: an
    activity about to be unpublished or deleted, left out.
    """
    if required is None and course is not None:
        required = (
            PracticeRequirement.objects.filter(course_id=course.pk)
            .values_list("listener_rounds", flat=True)
            .first()
        )
    activities = (
        list(PracticeActivityPage.objects.descendant_of(course).live().only("mode", "rounds"))
        if course is not None and course.pk
        else []
    )
    if activity is not None:
        activities = [a for a in activities if a.pk != activity.pk or activity.pk is None]
        activities.append(activity)
    if without is not None:
        activities = [a for a in activities if a.pk != without.pk]
    offers = {}
    for mode in PracticeActivityPage.Mode:
        mine = [a for a in activities if a.mode == mode]
        offers[mode] = ModeOffer(
            mode=mode,
            activities=len(mine),
            listener_rounds=sum(listener_rounds_guaranteed(rounds=a.rounds) for a in mine),
        )
    return PracticeFeasibility(
        required=required,
        live=offers[PracticeActivityPage.Mode.LIVE],
        written=offers[PracticeActivityPage.Mode.WRITTEN],
    )
