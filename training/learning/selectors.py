"""Reads for progress: per course, per module and per pillar.

Progress is derived from the completed-lesson rows and the course outline,
except on the learner's dashboard, which reads the enrolment's counters
(`lessons_done` and one per pillar, kept by the progress services in the
transaction that writes a row) and the small course index. Each function
uses a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import SimpleLazyObject

from training.courses.pillars import Pillar
from training.courses.selectors import CourseIndex, CourseOutline, course_index, course_outline

from .extras import ProgressExtras, ProgressItem, progress_extras
from .models import Cohort, Enrolment, LessonProgress


@dataclass(frozen=True)
class Tally:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


@dataclass
class CourseProgress:
    outline: CourseOutline
    completed: set[int]
    # What higher apps count beside the lessons (training.learning.extras):
    # items with a pillar count towards that pillar's tally.
    extras: list[ProgressItem] = field(default_factory=list)
    course: Tally = field(init=False)
    modules: dict[int, Tally] = field(init=False)
    pillars: dict[Pillar, Tally] = field(init=False)
    locked_module_ids: set[int] = field(init=False)

    def __post_init__(self):
        # Set intersections: a cohort report builds one of these per learner.
        completed = self.completed
        self.modules = {
            m.page.pk: Tally(len(m.lesson_ids & completed), len(m.lesson_ids))
            for m in self.outline.modules
        }
        lesson_ids = self.outline.lesson_ids
        self.course = Tally(len(lesson_ids & completed), len(lesson_ids))
        self.pillars = {}
        for pillar in Pillar:
            tallies = [self.modules[m.page.pk] for m in self.outline.modules if m.pillar == pillar]
            tallies += [Tally(e.done, e.total) for e in self.extras if e.pillar == pillar]
            self.pillars[pillar] = Tally(
                sum(t.done for t in tallies), sum(t.total for t in tallies)
            )
        self.locked_module_ids = set()
        if self.outline.course.sequential:
            previous_complete = True
            for module in self.outline.modules:
                if not previous_complete:
                    self.locked_module_ids.add(module.page.pk)
                previous_complete = previous_complete and self.modules[module.page.pk].complete

    def pillar_rows(self) -> list[tuple[Pillar, Tally]]:
        """All three pillars, always, so learners see the whole training."""
        return [(pillar, self.pillars[pillar]) for pillar in Pillar]

    def is_locked(self, lesson_id: int) -> bool:
        module = self.outline.module_of(lesson_id)
        return module is not None and module.page.pk in self.locked_module_ids

    def is_page_locked(self, page_id: int) -> bool:
        """Like `is_locked`, for any page in a module (lessons and assignments)."""
        module = self.outline.module_of_page(page_id)
        return module is not None and module.page.pk in self.locked_module_ids

    def next_lesson(self, last_lesson_id: int | None = None):
        """Where to carry on: the last lesson opened if not yet done, else the first not done."""
        if last_lesson_id and last_lesson_id not in self.completed:
            for lesson in self.outline.lessons:
                if lesson.pk == last_lesson_id and not self.is_locked(lesson.pk):
                    return lesson
        for lesson in self.outline.lessons:
            if lesson.pk not in self.completed and not self.is_locked(lesson.pk):
                return lesson
        return None


# Where a page that read an enrolment's completed lessons for its own use
# leaves them on the (request's own) instance, so what else it shows about
# that enrolment (the certificate's lessons rule) does not read them again.
_COMPLETED_MEMO = "_completed_lesson_ids"


def completed_lesson_ids(*, enrolment: Enrolment) -> set[int]:
    memo = getattr(enrolment, _COMPLETED_MEMO, None)
    if memo is not None:
        return set(memo)
    return set(
        LessonProgress.objects.filter(enrolment=enrolment).values_list("lesson_id", flat=True)
    )


def completed_lesson_ids_forget(*, enrolment: Enrolment) -> None:
    """Drop a page's memo of the completed lessons (a write changed them)."""
    vars(enrolment).pop(_COMPLETED_MEMO, None)


def lesson_tally(*, enrolment: Enrolment) -> Tally:
    """Completed lessons of the course outline against its lessons (the lessons rule),
    exact: from the rows, not the counters, which trail an outline change by a task."""
    index = course_index(course=enrolment.course)
    done = index.lesson_ids & completed_lesson_ids(enrolment=enrolment)
    return Tally(len(done), index.lesson_total)


def active_enrolment(*, user, course) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(learner=user, course=course, status=Enrolment.Status.ACTIVE)
        .select_related("cohort")
        .first()
    )


def course_progress(
    *, enrolment: Enrolment, outline: CourseOutline | None = None
) -> CourseProgress:
    outline = outline or course_outline(course=enrolment.course)
    extras = progress_extras(course=outline.course, outline=outline, enrolments=[enrolment])
    return CourseProgress(
        outline=outline,
        completed=completed_lesson_ids(enrolment=enrolment),
        extras=extras.for_enrolment(enrolment.pk),
    )


def courses_progress(*, enrolments) -> dict[int, CourseProgress]:
    """Progress per enrolment id for enrolments in any courses: one outline per
    course and one query for every completed lesson."""
    if not enrolments:
        return {}
    outlines: dict[int, CourseOutline] = {}
    completed: dict[int, set[int]] = {enrolment.pk: set() for enrolment in enrolments}
    for enrolment in enrolments:
        if enrolment.course_id not in outlines:
            outlines[enrolment.course_id] = course_outline(course=enrolment.course)
    for enrolment_id, lesson_id in LessonProgress.objects.filter(
        enrolment__in=list(completed)
    ).values_list("enrolment_id", "lesson_id"):
        completed[enrolment_id].add(lesson_id)
    extras = ProgressExtras()
    for course_id, outline in outlines.items():
        extras.merge(
            progress_extras(
                course=outline.course,
                outline=outline,
                enrolments=[e for e in enrolments if e.course_id == course_id],
            )
        )
    return {
        enrolment.pk: CourseProgress(
            outline=outlines[enrolment.course_id],
            completed=completed[enrolment.pk],
            extras=extras.for_enrolment(enrolment.pk),
        )
        for enrolment in enrolments
    }


@dataclass
class DashboardProgress:
    """A learner's progress in one course as the dashboard shows it.

    Lessons per course and per pillar come from the enrolment's counters
    (`Enrolment.lessons_done` and the pillar counters, kept by the progress
    services), totals from the course index, plus what higher apps add
    (`extras`): nothing is computed over the outline's pages per request.
    """

    course: Tally
    pillars: dict[Pillar, Tally]

    def pillar_rows(self) -> list[tuple[Pillar, Tally]]:
        """All three pillars, always, so learners see the whole training."""
        return [(pillar, self.pillars[pillar]) for pillar in Pillar]


def dashboard_progress(
    *, enrolment: Enrolment, index: CourseIndex, extras: list[ProgressItem]
) -> DashboardProgress:
    total = index.lesson_total
    pillars = {}
    for pillar in Pillar:
        lessons = index.pillar_total(pillar)
        mine = [e for e in extras if e.pillar == pillar]
        pillars[pillar] = Tally(
            min(enrolment.pillar_lessons_done(pillar), lessons) + sum(e.done for e in mine),
            lessons + sum(e.total for e in mine),
        )
    return DashboardProgress(
        course=Tally(min(enrolment.lessons_done, total), total), pillars=pillars
    )


def index_next_lesson(
    *, index: CourseIndex, completed: set[int], last_lesson_id: int | None, sequential: bool
):
    """`CourseProgress.next_lesson` over the course index: the last lesson opened if
    not yet done, else the first not done, never one in a locked module."""
    locked: set[int] = set()
    if sequential:
        previous_complete = True
        for module in index.modules:
            if not previous_complete:
                locked.add(module.pk)
            previous_complete = (
                previous_complete and bool(module.lessons) and module.lesson_ids <= completed
            )
    open_lessons = [lesson for m in index.modules if m.pk not in locked for lesson in m.lessons]
    if last_lesson_id and last_lesson_id not in completed:
        for lesson in open_lessons:
            if lesson[0] == last_lesson_id:
                return index.lesson_page(lesson)
    for lesson in open_lessons:
        if lesson[0] not in completed:
            return index.lesson_page(lesson)
    return None


@dataclass
class DashboardEntry:
    enrolment: Enrolment
    progress: DashboardProgress
    next_lesson: object = None


def learner_dashboard(*, user) -> list[DashboardEntry]:
    """The learner's active courses with progress and the next step in each.

    One query for the enrolments with their counters, one for their completed
    lesson ids (the next step; left on each enrolment for the certificate's
    lessons rule), what the extras' contributors ask, and the course index
    from the cache: the same at 3 lessons and at 300.
    """
    enrolments = list(
        Enrolment.objects.filter(learner=user, status=Enrolment.Status.ACTIVE)
        .select_related("course", "cohort")
        .order_by("-last_activity_at", "-enrolled_at")
    )
    completed: dict[int, set[int]] = {enrolment.pk: set() for enrolment in enrolments}
    if enrolments:
        for enrolment_id, lesson_id in LessonProgress.objects.filter(
            enrolment__in=list(completed)
        ).values_list("enrolment_id", "lesson_id"):
            completed[enrolment_id].add(lesson_id)
    entries = []
    for enrolment in enrolments:
        course = enrolment.course
        setattr(enrolment, _COMPLETED_MEMO, frozenset(completed[enrolment.pk]))
        index = course_index(course=course)
        # The outline itself only when a contributor's own cache misses.
        outline = SimpleLazyObject(lambda course=course: course_outline(course=course))
        extras = progress_extras(course=course, outline=outline, enrolments=[enrolment])
        entries.append(
            DashboardEntry(
                enrolment=enrolment,
                progress=dashboard_progress(
                    enrolment=enrolment, index=index, extras=extras.for_enrolment(enrolment.pk)
                ),
                next_lesson=index_next_lesson(
                    index=index,
                    completed=completed[enrolment.pk],
                    last_lesson_id=enrolment.last_lesson_id,
                    sequential=course.sequential,
                ),
            )
        )
    return entries


@dataclass
class CohortProgressRow:
    enrolment: Enrolment
    progress: CourseProgress
    extras: list[ProgressItem] = field(default_factory=list)


def cohort_active_enrolments(*, cohort: Cohort):
    """The cohort's active enrolments with their learners, in report order."""
    return (
        cohort.enrolments.filter(status=Enrolment.Status.ACTIVE)
        .select_related("learner")
        .order_by("learner__display_name", "learner__email", "pk")
    )


def cohort_progress_rows(
    *, outline: CourseOutline, enrolments, extras: ProgressExtras | None = None
) -> list[CohortProgressRow]:
    """Progress of the given enrolments (one page or chunk of a cohort) in one query,
    plus what the registered contributors add in their own fixed number of queries
    (`extras`, when the caller already asked them, e.g. with report columns)."""
    enrolments = list(enrolments)
    if extras is None:
        extras = progress_extras(course=outline.course, outline=outline, enrolments=enrolments)
    completed: dict[int, set[int]] = {e.pk: set() for e in enrolments}
    for enrolment_id, lesson_id in LessonProgress.objects.filter(
        enrolment__in=list(completed)
    ).values_list("enrolment_id", "lesson_id"):
        completed[enrolment_id].add(lesson_id)
    return [
        CohortProgressRow(
            enrolment=e,
            progress=CourseProgress(
                outline=outline, completed=completed[e.pk], extras=extras.for_enrolment(e.pk)
            ),
            extras=extras.for_enrolment(e.pk),
        )
        for e in enrolments
    ]


def cohort_progress(*, cohort: Cohort) -> tuple[CourseOutline, list[CohortProgressRow]]:
    """Every active learner's progress in a cohort, in a fixed number of queries."""
    outline = course_outline(course=cohort.course)
    return outline, cohort_progress_rows(
        outline=outline, enrolments=cohort_active_enrolments(cohort=cohort)
    )


@dataclass
class LearnerState:
    """What a page about a course needs to know about the learner viewing it."""

    enrolment: Enrolment
    progress: CourseProgress
    lesson_id: int | None = None

    @property
    def locked(self) -> bool:
        return self.lesson_id is not None and self.progress.is_locked(self.lesson_id)

    @property
    def lesson_done(self) -> bool:
        return self.lesson_id in self.progress.completed

    @property
    def next_lesson(self):
        """Where to carry on, the same rule as on the dashboard."""
        return self.progress.next_lesson(self.enrolment.last_lesson_id)


def learner_state(*, user, course, outline: CourseOutline, lesson=None) -> LearnerState | None:
    """The viewer's enrolment and progress in `course`, or None when not enrolled.

    Fixed queries: the enrolment and the completed lessons. (On a lesson
    page, assessments adds the knowledge-check attempts: `check_states`.)
    """
    enrolment = active_enrolment(user=user, course=course)
    if enrolment is None:
        return None
    enrolment.course = course
    extras = progress_extras(course=course, outline=outline, enrolments=[enrolment])
    state = LearnerState(
        enrolment=enrolment,
        progress=CourseProgress(
            outline=outline,
            completed=completed_lesson_ids(enrolment=enrolment),
            extras=extras.for_enrolment(enrolment.pk),
        ),
        lesson_id=lesson.pk if lesson is not None else None,
    )
    return state


def self_enrolment_cohort(*, course) -> Cohort | None:
    from django.utils import timezone

    return (
        Cohort.objects.filter(
            course=course, self_enrolment=True, is_open=True, ends_on__gte=timezone.localdate()
        )
        .order_by("starts_on")
        .first()
    )
