"""Reads for the trainer's review queue in the Wagtail admin.

They put the domain selectors' results in the shape the pages show (averages,
one row per stuck learner, rubric scores with their level labels) and turn
their reason codes into plain words. Callers pass objects already scoped to
the user (see admin_views); nothing here checks who is asking.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Avg, Count, Q
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext

from training.learning.models import Enrolment

from .models import (
    ConcernFlag,
    DeadlineExtension,
    DeadlineKind,
    PeerReview,
    ReflectionAssignmentPage,
    ReviewRating,
    Submission,
    SubmissionVersion,
)
from .reflections import selectors
from .reflections.allocation import fallback_after, submission_review_state
from .reflections.reasons import FallbackReason, StuckReason

# --- Plain words for the selectors' reason codes ------------------------------


def fallback_reason_text(reason: FallbackReason | None) -> str:
    """Why a reflection came to the trainer instead of (only) to fellow learners."""
    if reason is None:
        return ""
    reason = FallbackReason(reason)
    if reason == FallbackReason.WAITED:
        return str(reason.label) % {"days": fallback_after().days}
    return str(reason.label)


def stuck_reason_text(reason: StuckReason, fallback: FallbackReason | None = None) -> str:
    """A `selectors.stuck_learners` reason in words a trainer can act on."""
    reason = StuckReason(reason)
    if reason == StuckReason.NEEDS_TRAINER_REVIEW:
        return str(reason.label) % {"why": fallback_reason_text(fallback)}
    return str(reason.label)


def average(values) -> float | None:
    values = list(values)
    return mean(values) if values else None


# --- Reads for the pages ------------------------------------------------------


@dataclass
class CohortAttention:
    cohort: object
    awaiting_trainer: int = 0
    in_review: int = 0
    open_concerns: int = 0

    @property
    def needs_attention(self) -> int:
        return self.awaiting_trainer + self.open_concerns


def cohorts_attention(*, cohorts) -> list[CohortAttention]:
    """Per cohort: reflections awaiting the trainer, in peer review, and open concerns.

    Three queries whatever the number of cohorts. Reflections that fell back to
    the trainer while in peer review are counted on the cohort's own page,
    where each one's state is worked out.
    """
    cohorts = list(cohorts)
    ids = [cohort.pk for cohort in cohorts]
    counts = {
        row["cohort_id"]: row
        for row in Submission.objects.filter(cohort_id__in=ids)
        .values("cohort_id")
        .annotate(
            awaiting=Count("pk", filter=Q(status=Submission.Status.AWAITING_TRAINER)),
            in_review=Count("pk", filter=Q(status=Submission.Status.IN_REVIEW)),
        )
    }
    concerns = dict(
        ConcernFlag.objects.filter(submission__cohort_id__in=ids, followed_up_at__isnull=True)
        .values_list("submission__cohort_id")
        .annotate(n=Count("pk"))
    )
    return [
        CohortAttention(
            cohort=cohort,
            awaiting_trainer=counts.get(cohort.pk, {}).get("awaiting", 0),
            in_review=counts.get(cohort.pk, {}).get("in_review", 0),
            open_concerns=concerns.get(cohort.pk, 0),
        )
        for cohort in cohorts
    ]


def status_counts(*, cohort, assignment=None) -> list[tuple[str, int]]:
    """(label, count) per status, drafts first, plus the number submitted."""
    submissions = Submission.objects.filter(cohort=cohort)
    if assignment is not None:
        submissions = submissions.filter(assignment=assignment)
    counts = Counter(dict(submissions.values_list("status").annotate(n=Count("pk")).order_by()))
    submitted = sum(n for status, n in counts.items() if status != Submission.Status.DRAFT)
    rows = [(capfirst(Submission.Status.DRAFT.label), counts[Submission.Status.DRAFT])]
    rows.append((gettext("Submitted"), submitted))
    rows += [
        (capfirst(status.label), counts[status])
        for status in Submission.Status
        if status != Submission.Status.DRAFT
    ]
    return rows


@dataclass
class QueueEntry:
    row: selectors.QueueRow
    status_label: str
    reason: str
    helpfulness: float | None
    felt_heard: float | None


def queue_entries(rows: list[selectors.QueueRow]) -> list[QueueEntry]:
    return [
        QueueEntry(
            row=row,
            status_label=capfirst(row.submission.get_status_display()),
            reason=fallback_reason_text(row.fallback_reason) if row.trainer_fallback else "",
            helpfulness=average(r.helpfulness for r in row.ratings),
            felt_heard=average(r.felt_heard for r in row.ratings),
        )
        for row in rows
    ]


@dataclass
class StuckEntry:
    enrolment: Enrolment
    reasons: list[str]
    #: The learner's extensions for this assignment, in words ("Submit by 3 June").
    extensions: list[str] = field(default_factory=list)


@dataclass
class ExtensionEntry:
    extension: DeadlineExtension
    text: str


@dataclass
class StuckGroup:
    assignment: ReflectionAssignmentPage
    learners: list[StuckEntry]
    #: Every extension given for this assignment in the cohort, stuck or not.
    extensions: list[ExtensionEntry] = field(default_factory=list)


def extension_text(extension: DeadlineExtension) -> str:
    day = date_format(extension.until, "j F Y")
    if extension.kind == DeadlineKind.SUBMISSION:
        return gettext("More time to submit, until %(date)s") % {"date": day}
    return gettext("More time to give feedback, until %(date)s") % {"date": day}


def stuck_groups(*, cohort, assignments) -> list[StuckGroup]:
    """Stuck learners per assignment, one row per learner with all their reasons,
    and the deadline extensions given for it."""
    extensions = list(
        DeadlineExtension.objects.filter(enrolment__cohort=cohort)
        .select_related("enrolment__learner")
        .order_by("until", "pk")
    )
    groups = []
    for assignment in assignments:
        given = [
            ExtensionEntry(extension, extension_text(extension))
            for extension in extensions
            if extension.assignment_id == assignment.pk
        ]
        by_learner: dict[int, StuckEntry] = {}
        for stuck in selectors.stuck_learners(cohort=cohort, assignment=assignment):
            entry = by_learner.setdefault(
                stuck.enrolment.pk,
                StuckEntry(
                    stuck.enrolment,
                    [],
                    [e.text for e in given if e.extension.enrolment_id == stuck.enrolment.pk],
                ),
            )
            entry.reasons.append(stuck_reason_text(stuck.reason, stuck.fallback))
        if by_learner or given:
            groups.append(StuckGroup(assignment, list(by_learner.values()), given))
    return groups


@dataclass
class RubricScore:
    criterion: str
    score: int | None
    level: str
    comment: str


@dataclass
class FeedbackEntry:
    review: PeerReview
    scores: list[RubricScore]
    rating: ReviewRating | None


@dataclass
class ReflectionDetail:
    submission: Submission
    versions: list[SubmissionVersion]
    feedback: list[FeedbackEntry]
    open_claims: int
    concerns: list[ConcernFlag]
    reviews_given: int = 0
    reviews_required: int = 0
    fallback_reason: str = ""

    @property
    def latest(self) -> SubmissionVersion | None:
        return self.versions[-1] if self.versions else None

    @property
    def can_decide(self) -> bool:
        """The rule `services.submission_decide` enforces, so the form shows only when it applies."""
        return self.latest is not None and self.latest.is_locked and not self.latest.decision


def _rubric_scores(review: PeerReview, criteria) -> list[RubricScore]:
    scores = []
    for criterion in criteria:
        entry = review.rubric.get(str(criterion.key))
        if not entry:
            continue  # a criterion added after this feedback was given
        score = entry.get("score")
        scores.append(
            RubricScore(
                criterion=criterion.title,
                score=score,
                level=dict(criterion.levels).get(score, ""),
                comment=entry.get("comment", ""),
            )
        )
    return scores


def reflection_detail(*, submission: Submission) -> ReflectionDetail:
    """Everything the trainer reads before deciding: versions, feedback, ratings, concerns."""
    criteria = list(submission.assignment.rubric_criteria.all())
    reviews = list(
        submission.peer_reviews.filter(
            status__in=[PeerReview.Status.SUBMITTED, PeerReview.Status.CLAIMED]
        )
        .select_related("reviewer", "version", "rating")
        .order_by("submitted_at", "pk")
    )
    given = [review for review in reviews if review.status == PeerReview.Status.SUBMITTED]
    detail = ReflectionDetail(
        submission=submission,
        versions=list(submission.versions.select_related("decided_by").order_by("number")),
        feedback=[
            FeedbackEntry(review, _rubric_scores(review, criteria), getattr(review, "rating", None))
            for review in given
        ],
        open_claims=len(reviews) - len(given),
        concerns=list(
            submission.concerns.select_related("raised_by", "followed_up_by").order_by("-raised_at")
        ),
        reviews_given=len(given),
    )
    if not submission.shared_with_peers:
        detail.fallback_reason = fallback_reason_text(FallbackReason.TRAINER_ONLY)
    elif submission.assignment.peer_review_enabled:
        detail.reviews_required = submission.assignment.reviews_per_submission
        if submission.status == Submission.Status.IN_REVIEW:
            state = submission_review_state(submission=submission)
            if state.trainer_fallback:
                detail.fallback_reason = fallback_reason_text(state.reason)
    return detail


@dataclass
class LearnerRatings:
    enrolment: Enrolment
    count: int = 0
    helpfulness: float | None = None
    felt_heard: float | None = None


def cohort_learner_ratings(*, cohort) -> list[LearnerRatings]:
    """Per learner of the cohort: how many ratings their feedback got, and the averages."""
    summary = {
        row["review__reviewer_id"]: row
        for row in ReviewRating.objects.filter(review__submission__cohort=cohort)
        .values("review__reviewer_id")
        .annotate(n=Count("pk"), helpfulness=Avg("helpfulness"), felt_heard=Avg("felt_heard"))
        .order_by()
    }
    rows = []
    enrolments = cohort.enrolments.select_related("learner").order_by(
        "learner__display_name", "learner__email"
    )
    for enrolment in enrolments:
        row = summary.get(enrolment.learner_id, {})
        rows.append(
            LearnerRatings(
                enrolment=enrolment,
                count=row.get("n", 0),
                helpfulness=row.get("helpfulness"),
                felt_heard=row.get("felt_heard"),
            )
        )
    return rows
