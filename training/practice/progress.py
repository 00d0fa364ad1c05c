"""What the skills lab counts towards progress (see `training.learning.extras`).

- Per pillar: each live practice activity of the course is one item in the
  pillar of its module, done once the learner has listened in a round of it
  with an observation received (the same thing the certificate rule counts).
- A column "Practice rounds" in the trainer's cohort progress, when the
  course has a practice requirement: rounds as listener with an observation
  received, of the N the certificate asks (capped at N, like the checklist).

For a page of learners: the course's activities come from the content cache
(no query once cached), then one query for the requirement (columns only)
and one for the observed rounds, whatever the number of learners.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from training.courses.content_cache import cached, content_key
from training.courses.pillars import Pillar
from training.learning.extras import ProgressColumn, ProgressExtras, ProgressItem

from .models import PracticeActivityPage, PracticeRequirement, PracticeRound

COLUMN_KEY = "practice_rounds"
COLUMN_LABEL = _("Practice rounds")


def course_activity_pillars(*, course, outline) -> dict[int, str]:
    """Live practice activities in the course's modules: activity id -> pillar."""

    def compute():
        modules = {m.page.path: m.page.pillar for m in outline.modules}
        rows = PracticeActivityPage.objects.descendant_of(course).live().values_list("pk", "path")
        return {
            pk: modules[path[: -Page.steplen]]
            for pk, path in rows
            if path[: -Page.steplen] in modules
        }

    # A list of pairs, not a dict: an empty result must be cached too.
    return dict(
        cached(content_key("practice-activities", course.pk), lambda: list(compute().items()))
    )


def observed_listener_rounds(*, enrolment_ids) -> dict[int, dict[int, int]]:
    """Per enrolment: per activity, rounds listened in with an observation received
    (of practice that happened: `PracticeRoundQuerySet.that_count`)."""
    counts: dict[int, dict[int, int]] = {}
    rows = (
        PracticeRound.objects.that_count()
        .filter(listener__enrolment_id__in=list(enrolment_ids))
        .values_list("listener__enrolment_id", "group__activity_id")
    )
    for enrolment_id, activity_id in rows:
        per_activity = counts.setdefault(enrolment_id, {})
        per_activity[activity_id] = per_activity.get(activity_id, 0) + 1
    return counts


def practice_progress(
    *, course, outline, enrolments, columns: bool = False
) -> ProgressExtras | None:
    activities = course_activity_pillars(course=course, outline=outline)
    required = None
    if columns:
        required = (
            PracticeRequirement.objects.filter(course_id=course.pk)
            .values_list("listener_rounds", flat=True)
            .first()
        )
    if not activities and required is None:
        return None
    extras = ProgressExtras()
    if required is not None:
        extras.columns.append(ProgressColumn(COLUMN_KEY, str(COLUMN_LABEL)))
    if not enrolments:
        return extras
    counts = observed_listener_rounds(enrolment_ids=[e.pk for e in enrolments])
    for enrolment in enrolments:
        mine = counts.get(enrolment.pk, {})
        items = [
            ProgressItem(
                key=f"practice:{activity_id}",
                done=1 if mine.get(activity_id) else 0,
                total=1,
                pillar=Pillar(pillar),
            )
            for activity_id, pillar in activities.items()
        ]
        if required is not None:
            items.append(
                ProgressItem(key=COLUMN_KEY, done=min(sum(mine.values()), required), total=required)
            )
        extras.items[enrolment.pk] = items
    return extras
