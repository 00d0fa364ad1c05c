"""Reads for reflections: the learner's assignment page, the trainer's queue,
read summaries, and the certificate requirements."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from training.assessments.models import (
    PeerReview,
    ReflectionAssignmentPage,
    ReflectionRead,
    ReviewRating,
    Submission,
    SubmissionVersion,
)
from training.learning.models import Enrolment

from .allocation import AssignmentAllocation, reviews_owed
from .deadlines import DeadlineKind, learner_deadline
from .reasons import FallbackReason, StuckReason


@dataclass(frozen=True)
class Requirement:
    met: bool
    detail: str


def _assignments_of(course, *, required_only=True):
    qs = ReflectionAssignmentPage.objects.descendant_of(course).live()
    return qs.filter(required=True) if required_only else qs


def required_reflections_approved(*, enrolment: Enrolment) -> Requirement:
    """Every required reflection of the course approved by a trainer."""
    assignments = list(_assignments_of(enrolment.course).values_list("pk", "title"))
    if not assignments:
        return Requirement(True, "")
    approved = set(
        Submission.objects.filter(
            enrolment=enrolment,
            status=Submission.Status.APPROVED,
            assignment_id__in=[pk for pk, _ in assignments],
        ).values_list("assignment_id", flat=True)
    )
    missing = [title for pk, title in assignments if pk not in approved]
    return Requirement(not missing, ", ".join(missing))


def peer_reviews_given(*, enrolment: Enrolment) -> Requirement:
    """The required peer reviews given, or credited where fewer were available."""
    missing = []
    for assignment in _assignments_of(enrolment.course).filter(peer_review_enabled=True):
        given, required, credited = reviews_owed(
            reviewer=enrolment.learner, assignment=assignment, cohort=enrolment.cohort
        )
        if not credited:
            missing.append(f"{assignment.title} ({given}/{required})")
    return Requirement(not missing, ", ".join(missing))


def read_summary(*, submission: Submission) -> dict[str, int]:
    """How many distinct people read a reflection, per role ("gelezen door …")."""
    rows = (
        ReflectionRead.objects.filter(submission=submission)
        .values("role")
        .annotate(n=Count("reader", distinct=True))
    )
    return {row["role"]: row["n"] for row in rows}


@dataclass
class AssignmentState:
    enrolment: Enrolment | None
    submission: Submission | None = None
    version: SubmissionVersion | None = None
    versions: list = field(default_factory=list)
    open_claim: PeerReview | None = None
    given: int = 0
    required_reviews: int = 0
    credited: bool = False
    deadline: object = None
    review_deadline: object = None


def assignment_page_context(*, user, assignment: ReflectionAssignmentPage) -> dict:
    from training.courses.models import CoursePage
    from training.courses.selectors import course_outline
    from training.learning.selectors import learner_state

    course = CoursePage.objects.ancestor_of(assignment).get()
    outline = course_outline(course=course)
    context = {
        "course": course,
        "outline": outline,
        "module_outline": outline.module_of_page(assignment.pk),
    }
    learner = learner_state(user=user, course=course, outline=outline)
    context["learner"] = learner
    if learner is None:
        context["reflection"] = None
        return context
    enrolment = learner.enrolment
    state = AssignmentState(
        enrolment=enrolment,
        deadline=learner_deadline(
            enrolment=enrolment, assignment=assignment, kind=DeadlineKind.SUBMISSION
        ),
        review_deadline=learner_deadline(
            enrolment=enrolment, assignment=assignment, kind=DeadlineKind.REVIEW
        ),
    )
    state.submission = Submission.objects.filter(enrolment=enrolment, assignment=assignment).first()
    if state.submission:
        state.versions = list(state.submission.versions.order_by("number"))
        state.version = state.versions[-1]
        if state.submission.first_submitted_at and assignment.peer_review_enabled:
            state.open_claim = PeerReview.objects.filter(
                reviewer=user,
                assignment=assignment,
                status=PeerReview.Status.CLAIMED,
                expires_at__gt=timezone.now(),
            ).first()
            state.given, state.required_reviews, state.credited = reviews_owed(
                reviewer=user, assignment=assignment, cohort=enrolment.cohort
            )
    context["reflection"] = state
    return context


@dataclass
class QueueRow:
    submission: Submission
    version: SubmissionVersion | None
    drafts_saved: int
    reviews_given: int
    reviews_required: int
    trainer_fallback: bool
    fallback_reason: FallbackReason | None
    ratings: list
    open_concerns: int

    @property
    def needs_trainer(self) -> bool:
        return self.submission.status == Submission.Status.AWAITING_TRAINER or (
            self.trainer_fallback and self.submission.status == Submission.Status.IN_REVIEW
        )


def trainer_queue(*, cohort, assignment=None, status: str | None = None) -> list[QueueRow]:
    """The cohort's reflections for the trainer, in a fixed number of queries.

    Those needing the trainer come first (awaiting a decision, or fallen back
    because no peer could review them), then the oldest.
    """
    submissions = Submission.objects.filter(cohort=cohort).select_related(
        "author", "assignment", "cohort"
    )
    if assignment is not None:
        submissions = submissions.filter(assignment=assignment)
    if status:
        submissions = submissions.filter(status=status)
    submissions = submissions.prefetch_related(
        Prefetch("versions", queryset=SubmissionVersion.objects.order_by("number")),
        Prefetch(
            "peer_reviews",
            queryset=PeerReview.objects.filter(status=PeerReview.Status.SUBMITTED).select_related(
                "rating"
            ),
            to_attr="given_reviews",
        ),
    ).annotate(
        open_concerns=Count(
            "concerns", filter=Q(concerns__followed_up_at__isnull=True), distinct=True
        )
    )
    rows = []
    now = timezone.now()
    snapshots: dict[int, AssignmentAllocation] = {}
    for submission in submissions:
        versions = list(submission.versions.all())
        version = versions[-1] if versions else None
        fallback, reason = False, None
        required = 0
        if submission.first_submitted_at and submission.status == Submission.Status.IN_REVIEW:
            if submission.assignment_id not in snapshots:
                snapshots[submission.assignment_id] = AssignmentAllocation(
                    cohort=cohort, assignment=submission.assignment, now=now
                )
            state = snapshots[submission.assignment_id].review_state(submission)
            fallback, reason, required = state.trainer_fallback, state.reason, state.required
        elif submission.shared_with_peers:
            required = submission.assignment.reviews_per_submission
        rows.append(
            QueueRow(
                submission=submission,
                version=version,
                drafts_saved=sum(v.revision for v in versions),
                reviews_given=len(submission.given_reviews),
                reviews_required=required,
                trainer_fallback=fallback or not submission.shared_with_peers,
                fallback_reason=reason
                or (FallbackReason.TRAINER_ONLY if not submission.shared_with_peers else None),
                ratings=[r.rating for r in submission.given_reviews if hasattr(r, "rating")],
                open_concerns=submission.open_concerns,
            )
        )
    rows.sort(key=lambda r: (not r.needs_trainer, r.submission.first_submitted_at or now))
    return rows


@dataclass(frozen=True)
class StuckLearner:
    enrolment: Enrolment
    reason: StuckReason
    #: With NEEDS_TRAINER_REVIEW: why the reflection came to the trainer.
    fallback: FallbackReason | None = None


def stuck_learners(*, cohort, assignment) -> list[StuckLearner]:
    """Learners who cannot move on with this assignment, and why (for the trainer).

    One allocation snapshot: a fixed number of queries whatever the cohort's size.
    """
    snapshot = AssignmentAllocation(cohort=cohort, assignment=assignment)
    submitted = {s.author_id: s for s in snapshot.submissions if s.first_submitted_at}
    stuck = []
    for enrolment in cohort.enrolments.filter(status=Enrolment.Status.ACTIVE).select_related(
        "learner"
    ):
        submission = submitted.get(enrolment.learner_id)
        if submission is None:
            if snapshot.submission_passed(enrolment.learner_id):
                stuck.append(StuckLearner(enrolment, StuckReason.NOT_SUBMITTED_AFTER_DEADLINE))
            continue
        if assignment.peer_review_enabled:
            given, required, credited = snapshot.reviews_owed(enrolment.learner_id)
            has_claim = any(
                r["status"] == PeerReview.Status.CLAIMED
                for r in snapshot.reviews_by_reviewer.get(enrolment.learner_id, [])
            )
            if not credited and not has_claim and given < required:
                stuck.append(StuckLearner(enrolment, StuckReason.WAITING_FOR_REFLECTIONS_TO_REVIEW))
        if submission.status == Submission.Status.IN_REVIEW:
            state = snapshot.review_state(submission)
            if state.trainer_fallback:
                stuck.append(
                    StuckLearner(enrolment, StuckReason.NEEDS_TRAINER_REVIEW, state.reason)
                )
    return stuck


def ratings_received_by_reviewer(*, reviewer, cohort=None) -> list[ReviewRating]:
    """The ratings a reviewer's feedback got, oldest first (for their own calibration).

    With `cohort`, only feedback given within that cohort (what its trainers may see).
    """
    ratings = ReviewRating.objects.filter(review__reviewer=reviewer)
    if cohort is not None:
        ratings = ratings.filter(review__submission__cohort=cohort)
    return list(ratings.select_related("review__assignment").order_by("rated_at"))
