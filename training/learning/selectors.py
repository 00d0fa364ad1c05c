"""Reads for progress: per course, per module and per pillar.

Progress is derived from the completed-lesson rows and the course outline;
nothing is stored twice. Each function uses a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from training.courses.pillars import Pillar
from training.courses.selectors import CourseOutline, course_outline

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


def completed_lesson_ids(*, enrolment: Enrolment) -> set[int]:
    return set(
        LessonProgress.objects.filter(enrolment=enrolment).values_list("lesson_id", flat=True)
    )


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
class DashboardEntry:
    enrolment: Enrolment
    progress: CourseProgress

    @property
    def next_lesson(self):
        return self.progress.next_lesson(self.enrolment.last_lesson_id)


def learner_dashboard(*, user) -> list[DashboardEntry]:
    """The learner's active courses with progress and the next step in each."""
    enrolments = (
        Enrolment.objects.filter(learner=user, status=Enrolment.Status.ACTIVE)
        .select_related("course", "cohort")
        .order_by("-last_activity_at", "-enrolled_at")
    )
    return [
        DashboardEntry(enrolment=enrolment, progress=course_progress(enrolment=enrolment))
        for enrolment in enrolments
    ]


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
