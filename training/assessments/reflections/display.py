"""How reflections and feedback are put into words on the learner's pages."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from training.assessments.models import PeerReview, ReflectionRead, RubricCriterion


@dataclass(frozen=True)
class RubricLine:
    criterion: RubricCriterion
    score: int | None
    level: str
    comment: str


def rubric_lines(review: PeerReview, criteria) -> list[RubricLine]:
    """The rubric part of given feedback, in rubric order; empty optional comments left out."""
    lines = []
    for criterion in criteria:
        entry = (review.rubric or {}).get(str(criterion.key)) or {}
        score, comment = entry.get("score"), entry.get("comment", "")
        if score or comment:
            lines.append(
                RubricLine(criterion, score, dict(criterion.levels).get(score, ""), comment)
            )
    return lines


def read_by_text(summary: dict[str, int]) -> str:
    """ "2 medecursisten, je trainer": who read a reflection, by role only, never by name."""
    parts = []
    if peers := summary.get(ReflectionRead.Role.PEER, 0):
        parts.append(
            ngettext("%(n)s fellow learner", "%(n)s fellow learners", peers) % {"n": peers}
        )
    trainers = summary.get(ReflectionRead.Role.TRAINER, 0)
    if trainers == 1:
        parts.append(_("your trainer"))
    elif trainers:
        parts.append(ngettext("%(n)s trainer", "%(n)s trainers", trainers) % {"n": trainers})
    if admins := summary.get(ReflectionRead.Role.ADMIN, 0):
        parts.append(
            ngettext("%(n)s administrator", "%(n)s administrators", admins) % {"n": admins}
        )
    return ", ".join(parts)
