"""Reads for academies: which academy a page belongs to, cheaply.

Every page of the site asks "is this an academy's page?" (its look: name, logo,
colour). The answer comes from the cached map of academy catalogue paths (one entry
per academy, cleared whenever an academy is saved or deleted, a page moves, or a
catalogue page is made or deleted, `receivers.py`), so a
platform page costs no query at all and an academy's page one (its academy row).

Also: which page is a shared course, and to which academies a person may copy one
("Copy to my academy", `admin_views.CourseCopyView`).
"""

from __future__ import annotations

from django.core.cache import cache

from .models import Academy, AcademyCourseCopy

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


def shared_course(page):
    """`page` as a shared course (a course right under a platform catalogue), or None."""
    from training.courses.models import CatalogPage, CoursePage

    if page is None or page.depth < 2 or page.specific_class is not CoursePage:
        return None
    parent_path = page.path[: -page.steplen]
    if not CatalogPage.objects.filter(path=parent_path).exists():
        return None
    return page.specific


def academies_copying_to(user) -> list[Academy]:
    """The academies under whose catalogue `user` may add a course (where a shared course
    can be copied to), cached on the user object for the request."""
    cached_value = getattr(user, "_academies_copying_to", None)
    if cached_value is not None:
        return cached_value
    from .models import TEACHING_ROLES
    from .permissions import academies_where

    academies = [
        academy
        for academy in academies_where(user, *TEACHING_ROLES).select_related("catalogue")
        if academy.catalogue.permissions_for_user(user).can_add_subpage()
    ]
    user._academies_copying_to = academies
    return academies


def academy_course_copy_of(*, course, academy: Academy):
    """The academy's copy of the shared `course`, or None."""
    link = (
        AcademyCourseCopy.objects.filter(academy=academy, source=course)
        .select_related("copy")
        .first()
    )
    return link.copy if link is not None else None
