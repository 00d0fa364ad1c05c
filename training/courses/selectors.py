"""Read-side queries for the course tree.

A course outline (modules with their lessons, in tree order) is built with a
fixed number of queries however large the course is, so lesson pages and
progress views stay flat as courses grow. What depends only on published
content (outlines, rendered lesson bodies, knowledge-check ids) is cached
per content generation (content_cache.py); nothing about a learner is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from wagtail.models import Page

from training.hooks import OUTLINE_ASSIGNMENT_MODEL, contributions

from .content_cache import cached, content_key
from .pillars import Pillar


@dataclass
class ModuleOutline:
    page: Page
    lessons: list = field(default_factory=list)
    assignments: list = field(default_factory=list)

    @property
    def pillar(self) -> Pillar:
        return Pillar(self.page.pillar)

    @cached_property
    def lesson_ids(self) -> frozenset[int]:
        return frozenset(lesson.pk for lesson in self.lessons)


@dataclass
class CourseOutline:
    course: Page
    modules: list[ModuleOutline]

    @cached_property
    def lessons(self) -> list:
        return [lesson for module in self.modules for lesson in module.lessons]

    @cached_property
    def lesson_ids(self) -> frozenset[int]:
        return frozenset(lesson.pk for lesson in self.lessons)

    def module(self, module_id: int) -> ModuleOutline | None:
        return next((m for m in self.modules if m.page.pk == module_id), None)

    def module_of_page(self, page_id: int) -> ModuleOutline | None:
        """The module holding a lesson or an assignment."""
        return next(
            (m for m in self.modules if any(p.pk == page_id for p in [*m.lessons, *m.assignments])),
            None,
        )

    def module_of(self, lesson_id: int) -> ModuleOutline | None:
        return next(
            (m for m in self.modules if any(lesson.pk == lesson_id for lesson in m.lessons)),
            None,
        )

    def by_pillar(self) -> list[tuple[Pillar, list[ModuleOutline]]]:
        """Modules grouped by pillar, in the fixed pillar order, empty pillars left out."""
        groups = [(pillar, [m for m in self.modules if m.pillar == pillar]) for pillar in Pillar]
        return [(pillar, modules) for pillar, modules in groups if modules]

    def neighbours(self, lesson_id: int) -> tuple[Page | None, Page | None]:
        lessons = self.lessons
        for index, lesson in enumerate(lessons):
            if lesson.pk == lesson_id:
                previous = lessons[index - 1] if index > 0 else None
                following = lessons[index + 1] if index + 1 < len(lessons) else None
                return previous, following
        return None, None


def _restricted_paths() -> tuple[str, ...]:
    """Paths of pages with a view restriction; their whole subtree is not public."""
    from wagtail.models import PageViewRestriction

    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


def course_outline(*, course: Page) -> CourseOutline:
    """The live, public modules, lessons and assignments of a course, in tree order.

    Cached until published content changes; built in four queries whatever
    the size of the course. The course itself is the caller's (its learning
    rules are read fresh), only the tree below it comes from the cache.
    """
    modules = cached(content_key("outline", course.pk), lambda: _outline_modules(course))
    return CourseOutline(course=course, modules=modules)


def _outline_modules(course: Page) -> list[ModuleOutline]:
    """View restrictions are read once and applied here instead of by a
    `.public()` query per page type."""
    from .models import LessonPage, ModulePage

    restricted = _restricted_paths()

    def public(pages):
        return (
            [p for p in pages if not p.path.startswith(restricted)] if restricted else list(pages)
        )

    modules = [
        ModuleOutline(page=module)
        for module in public(ModulePage.objects.child_of(course).live().order_by("path"))
    ]
    by_path = {module.page.path: module for module in modules}
    lessons = (
        LessonPage.objects.descendant_of(course)
        .live()
        .order_by("path")
        .only("id", "title", "slug", "path", "depth", "url_path", "summary", "duration_minutes")
    )
    for lesson in public(lessons):
        parent = by_path.get(lesson.path[: -Page.steplen])
        if parent is not None:
            parent.lessons.append(lesson)
    assignment_models = [model() for model in contributions(OUTLINE_ASSIGNMENT_MODEL)]
    assignments = [
        page
        for model in assignment_models
        for page in model.objects.descendant_of(course)
        .live()
        .order_by("path")
        .only("id", "title", "slug", "path", "depth", "url_path")
    ]
    if len(assignment_models) > 1:
        assignments.sort(key=lambda page: page.path)
    for assignment in public(assignments):
        parent = by_path.get(assignment.path[: -Page.steplen])
        if parent is not None:
            parent.assignments.append(assignment)
    return modules


@dataclass(frozen=True)
class IndexedModule:
    """A module of a `CourseIndex`: its id, pillar and lessons as (id, title, url_path)."""

    pk: int
    pillar: str
    lessons: tuple[tuple[int, str, str], ...]

    @cached_property
    def lesson_ids(self) -> frozenset[int]:
        return frozenset(lesson[0] for lesson in self.lessons)


@dataclass(frozen=True)
class CourseIndex:
    """The course outline in ids, titles and tree paths only (no page objects).

    For pages that need the shape of a course but none of its pages' fields
    (the learner's dashboard): a few hundred small tuples to read from the
    cache instead of as many pickled pages, so such a page costs the same at
    3 lessons and at 300.
    """

    modules: tuple[IndexedModule, ...]

    @cached_property
    def lesson_ids(self) -> frozenset[int]:
        return frozenset().union(*(module.lesson_ids for module in self.modules))

    @cached_property
    def lesson_total(self) -> int:
        return sum(len(module.lessons) for module in self.modules)

    def pillar_total(self, pillar) -> int:
        return sum(len(m.lessons) for m in self.modules if m.pillar == pillar)

    @staticmethod
    def lesson_page(lesson: tuple[int, str, str]):
        """An unsaved stand-in for a lesson that `{% pageurl %}` and `.title` can use
        (Wagtail builds a page's URL from its `url_path`)."""
        from .models import LessonPage

        pk, title, url_path = lesson
        return LessonPage(pk=pk, title=title, url_path=url_path)


def course_index(*, course: Page) -> CourseIndex:
    """The live, public modules and lessons of a course as a `CourseIndex`; cached
    until published content changes, like the outline it is made from."""

    def compute():
        return CourseIndex(
            modules=tuple(
                IndexedModule(
                    pk=module.page.pk,
                    pillar=module.page.pillar,
                    lessons=tuple((p.pk, p.title, p.url_path) for p in module.lessons),
                )
                for module in course_outline(course=course).modules
            )
        )

    return cached(content_key("index", course.pk), compute)


def course_knowledge_check_ids(*, course: Page) -> dict[int, frozenset[str]]:
    """Per live, public lesson of the course that has knowledge checks: their ids.

    Cached until published content changes, so certification state does not
    read every lesson's body on each view. Read from the raw stream data,
    which is much cheaper than building the blocks.
    """

    def compute():
        from .models import LessonPage

        checks = {}
        for lesson in LessonPage.objects.descendant_of(course).live().public().only("id", "body"):
            ids = frozenset(b["id"] for b in lesson.body.raw_data if b["type"] == "knowledge_check")
            if ids:
                checks[lesson.pk] = ids
        return checks

    return cached(content_key("check-ids", course.pk), compute)


@dataclass(frozen=True)
class BodyPart:
    """One block of a lesson body: its HTML when it is the same for everyone,
    else (a knowledge check, which shows the learner's answers) the block."""

    html: str | None = None
    block: object = None


def lesson_body_parts(*, lesson: Page, use_cache: bool = True) -> list[BodyPart]:
    """The lesson's body for its page, static blocks rendered once per live
    revision and language; previews pass `use_cache=False`."""
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    body = lesson.body

    def render():
        return [
            None if item["type"] in PER_VISITOR_BLOCKS else str(body[index].render_as_block())
            for index, item in enumerate(body.raw_data)
        ]

    if use_cache:
        key = content_key("body", lesson.pk, lesson.live_revision_id or 0, get_language())
        rendered = cached(key, render)
    else:
        rendered = render()
    return [
        BodyPart(block=body[index]) if html is None else BodyPart(html=mark_safe(html))  # noqa: S308 (our own block templates rendered it)
        for index, html in enumerate(rendered)
    ]


# Blocks whose HTML depends on who looks (and so are rendered per request).
PER_VISITOR_BLOCKS = frozenset({"knowledge_check", "respond", "dilemma"})


def lesson_context(*, lesson: Page) -> dict:
    """Course, module and neighbours of a lesson, for its page."""
    from .models import CoursePage

    course = CoursePage.objects.ancestor_of(lesson).get()
    outline = course_outline(course=course)
    previous, following = outline.neighbours(lesson.pk)
    return {
        "course": course,
        "outline": outline,
        "module_outline": outline.module_of(lesson.pk),
        "previous_lesson": previous,
        "next_lesson": following,
    }


@dataclass
class CourseCard:
    course: Page
    pillars: list[Pillar]


def catalog_courses(*, catalog: Page, pillar: str | None = None) -> list[CourseCard]:
    """Published courses in a catalogue with the pillars they cover (two queries).

    With `pillar`, only courses that have a module in that pillar.
    """
    from .models import CoursePage, ModulePage

    pillars_by_course_path: dict[str, set[str]] = {}
    modules = (
        ModulePage.objects.descendant_of(catalog).live().public().values_list("path", "pillar")
    )
    for path, module_pillar in modules:
        pillars_by_course_path.setdefault(path[: -Page.steplen], set()).add(module_pillar)

    cards = []
    for course in CoursePage.objects.child_of(catalog).live().public().order_by("path"):
        covered = pillars_by_course_path.get(course.path, set())
        if pillar and pillar not in covered:
            continue
        cards.append(CourseCard(course=course, pillars=[p for p in Pillar if p in covered]))
    return cards
