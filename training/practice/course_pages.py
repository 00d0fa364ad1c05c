"""What the skills lab adds to the course pages (see `training.courses.context`).

A module page lists its practice activities, so learners find them where the
lessons are. Registered in `PracticeConfig.ready`.
"""

from __future__ import annotations

from training.courses.models import ModulePage

from .models import PracticeActivityPage


def practice_page_context(*, request, page, course, outline, lesson, context) -> dict | None:
    if not isinstance(page, ModulePage):
        return None
    activities = PracticeActivityPage.objects.child_of(page).live().order_by("path")
    return {"practice_activities": list(activities)}
