"""Stuck-learner sections from higher apps, for the reflection queue's "stuck" tab.

The tab lists learners stuck on a reflection (this app's own selectors).
Apps above assessments (the skills lab: learners waiting for a practice
group) have stuck learners of their own but may not be imported here; they
contribute to the `STUCK_SECTIONS` hook (`training.hooks`) in their `wagtail_hooks.py`:

    provider(*, cohort) -> list[StuckSection]

A provider answers for the whole cohort in a fixed number of queries and
returns only sections with learners in them; the tab shows one table each.
Reasons are short texts for the trainer, never anything a learner wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from training.hooks import STUCK_SECTIONS, contributions
from training.learning.models import Enrolment


@dataclass
class StuckLearner:
    enrolment: Enrolment
    reasons: list[str]


@dataclass
class StuckSection:
    key: str
    caption: str
    learners: list[StuckLearner]
    #: Where the trainer can help (a link beside the table), if anywhere.
    url: str = ""
    link_text: str = ""
    extra: dict = field(default_factory=dict)


StuckProvider = Callable[..., list[StuckSection]]


def stuck_sections(*, cohort) -> list[StuckSection]:
    """Every registered provider's sections for `cohort`, empty ones left out."""
    sections = []
    for provider in contributions(STUCK_SECTIONS):
        sections.extend(s for s in provider(cohort=cohort) or [] if s.learners)
    return sections
