"""Extra progress items: what higher apps count towards a learner's progress.

Learning counts lessons. Apps above it (the skills lab's practice rounds)
have work of their own that belongs in the learner's per-pillar progress and
in the trainer's cohort progress table, but learning may not import them.
They contribute to the `PROGRESS_EXTRAS` hook (`training.hooks`) in their `wagtail_hooks.py`:

    contributor(*, course, outline, enrolments, columns) -> ProgressExtras | None

- `enrolments` is one page or chunk of learners (a list): a contributor
  answers for all of them in a fixed number of queries, never one per learner;
- `items` per enrolment id: each `ProgressItem` with a `pillar` counts
  towards that pillar's tally (done and total, like lessons);
- `columns` (only when asked, for the trainer's table and export): report
  columns, and per enrolment a `ProgressItem` under the column's key.

Contributors run in hook order (lowest app first).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from training.courses.pillars import Pillar
from training.hooks import PROGRESS_EXTRAS, contributions


@dataclass(frozen=True)
class ProgressItem:
    key: str
    done: int
    total: int
    pillar: Pillar | None = None


@dataclass(frozen=True)
class ProgressColumn:
    key: str
    label: str


@dataclass
class ProgressExtras:
    columns: list[ProgressColumn] = field(default_factory=list)
    items: dict[int, list[ProgressItem]] = field(default_factory=dict)

    def merge(self, other: ProgressExtras) -> None:
        self.columns.extend(other.columns)
        for enrolment_id, items in other.items.items():
            self.items.setdefault(enrolment_id, []).extend(items)

    def for_enrolment(self, enrolment_id: int) -> list[ProgressItem]:
        return self.items.get(enrolment_id, [])


Contributor = Callable[..., ProgressExtras | None]


def progress_extras(*, course, outline, enrolments, columns: bool = False) -> ProgressExtras:
    """What every contributor adds for these enrolments of one course."""
    extras = ProgressExtras()
    enrolments = list(enrolments)
    for contributor in contributions(PROGRESS_EXTRAS):
        found = contributor(course=course, outline=outline, enrolments=enrolments, columns=columns)
        if found:
            extras.merge(found)
    return extras
