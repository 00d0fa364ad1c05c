"""Reads for academies: which academy a page belongs to, cheaply.

Every page of the site asks "is this an academy's page?" (its look: name, logo,
colour). The answer comes from the cached map of academy catalogue paths (one entry
per academy, cleared whenever an academy is saved or deleted, `receivers.py`), so a
platform page costs no query at all and an academy's page one (its academy row).
"""

from __future__ import annotations

from django.core.cache import cache

from .models import Academy

CATALOGUE_PATHS_KEY = "academies:catalogue-paths:v1"


def academy_catalogue_paths() -> dict[str, int]:
    """{catalogue page path: academy id} of every academy (cached until one changes)."""
    return cache.get_or_set(
        CATALOGUE_PATHS_KEY,
        lambda: dict(Academy.objects.values_list("catalogue__path", "pk")),
        timeout=None,
    )


def academy_catalogue_paths_forget() -> None:
    cache.delete(CATALOGUE_PATHS_KEY)


def academy_of_page(page) -> Academy | None:
    """The academy whose catalogue is `page` or one of its ancestors (None: the platform)."""
    path = getattr(page, "path", None)
    if not path:
        return None
    paths = academy_catalogue_paths()
    if not paths:
        return None
    steplen = page.steplen
    for end in range(steplen, len(path) + 1, steplen):
        academy_id = paths.get(path[:end])
        if academy_id is not None:
            return Academy.objects.select_related("logo").filter(pk=academy_id).first()
    return None
