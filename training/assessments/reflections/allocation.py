"""Peer review allocation: continuous, fair, and nobody stuck.

How it works, in order:
1. A learner who has submitted their own reflection may claim a review at
   once. Claiming is idempotent: an open claim is returned again.
2. Candidates are the cohort's reflections for the same assignment that are
   shared with peers, not the learner's own, not already reviewed or claimed
   by them, and below their required number of reviews. The one with the
   fewest active reviews goes first, then the oldest (fair, balanced loads).
3. A claim holds for `claim_hours`; a lapsed claim gives its slots back so
   someone else can take it.
4. Caps hold under concurrency: a reviewer's active claims and a reflection's
   active reviews each occupy numbered slots with unique constraints, so two
   simultaneous claims cannot exceed either cap; the loser tries the next one.
5. When no eligible peer remains for a reflection that still lacks reviews
   (small cohort, last submitters, deadline or waiting time passed), it falls
   back to the cohort's trainer. A learner who could not be given enough
   reflections to review is credited for what was available.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from training.assessments.models import PeerReview, Submission
from training.learning.models import Enrolment

from . import errors
from .deadlines import DeadlineKind, Deadlines
from .reasons import FallbackReason

REVIEWABLE = Q(audience=Submission.Audience.PEERS) & ~Q(status=Submission.Status.DRAFT)
ACTIVE_REVIEW = Q(status__in=[PeerReview.Status.CLAIMED, PeerReview.Status.SUBMITTED])


def fallback_after() -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, "PEER_REVIEW_FALLBACK_DAYS", 14))


def peer_review_release_lapsed(*, now=None) -> int:
    """Return lapsed claims to the pool (their slots become free)."""
    now = now or timezone.now()
    return PeerReview.objects.filter(expires_at__lte=now).lapse()


def _free_slot(taken, cap: int) -> int | None:
    free = sorted(set(range(1, cap + 1)) - set(taken))
    return free[0] if free else None


def _open_claim(*, reviewer, assignment) -> PeerReview | None:
    return PeerReview.objects.filter(
        reviewer=reviewer, assignment=assignment, status=PeerReview.Status.CLAIMED
    ).first()


def candidates(*, reviewer, assignment, cohort):
    """Reflections `reviewer` could claim now, best first."""
    return (
        Submission.objects.filter(REVIEWABLE, cohort=cohort, assignment=assignment)
        .exclude(author=reviewer)
        .exclude(peer_reviews__reviewer=reviewer)
        .annotate(
            active=Count("peer_reviews", filter=Q(peer_reviews__submission_slot__isnull=False))
        )
        .filter(active__lt=assignment.reviews_per_submission)
        .order_by("active", "first_submitted_at", "pk")
    )


def peer_review_claim(*, reviewer, assignment, cohort, now=None) -> PeerReview | None:
    """Claim the next reflection to review; None when there is nothing (more) to do."""
    now = now or timezone.now()
    if not assignment.peer_review_enabled:
        return None
    if not Submission.objects.filter(
        author=reviewer, assignment=assignment, cohort=cohort, first_submitted_at__isnull=False
    ).exists():
        raise errors.NotSubmittedYet()
    peer_review_release_lapsed(now=now)
    for _attempt in range(5):
        open_claim = _open_claim(reviewer=reviewer, assignment=assignment)
        if open_claim:
            return open_claim
        taken = PeerReview.objects.filter(
            reviewer=reviewer, assignment=assignment, reviewer_slot__isnull=False
        ).values_list("reviewer_slot", flat=True)
        reviewer_slot = _free_slot(taken, assignment.reviews_per_learner)
        if reviewer_slot is None:
            return None
        claimed = False
        for submission in candidates(reviewer=reviewer, assignment=assignment, cohort=cohort)[:10]:
            slots = submission.peer_reviews.filter(submission_slot__isnull=False).values_list(
                "submission_slot", flat=True
            )
            submission_slot = _free_slot(slots, assignment.reviews_per_submission)
            if submission_slot is None:
                continue
            try:
                with transaction.atomic():
                    return PeerReview.objects.create(
                        submission=submission,
                        version=submission.versions.filter(submitted_at__isnull=False)
                        .order_by("-number")
                        .first(),
                        assignment=assignment,
                        author_id=submission.author_id,
                        reviewer=reviewer,
                        reviewer_slot=reviewer_slot,
                        submission_slot=submission_slot,
                        claimed_at=now,
                        expires_at=now + datetime.timedelta(hours=assignment.claim_hours),
                    )
            except IntegrityError:
                # A concurrent claim took this slot (ours or the reflection's): look again.
                claimed = True
                break
        if not claimed:
            return None
    return _open_claim(reviewer=reviewer, assignment=assignment)


def peer_review_abandon(*, review: PeerReview) -> None:
    """The reviewer gives a claim back before it lapses."""
    PeerReview.objects.filter(pk=review.pk).lapse()


@dataclass(frozen=True)
class SubmissionReviewState:
    submission: Submission
    required: int
    given: int
    active: int
    trainer_fallback: bool
    reason: FallbackReason | None


class AssignmentAllocation:
    """Everything allocation needs to judge one assignment in one cohort, read once.

    Three queries (enrolments, submissions, reviews) whatever the cohort's
    size; the trainer's queue and the stuck-learner list use one snapshot per
    assignment instead of querying per reflection and per learner.
    """

    def __init__(self, *, cohort, assignment, now=None):
        self.cohort, self.assignment = cohort, assignment
        self.now = now or timezone.now()
        self.learner_ids = set(
            Enrolment.objects.filter(cohort=cohort, status=Enrolment.Status.ACTIVE).values_list(
                "learner_id", flat=True
            )
        )
        self.submissions = list(
            Submission.objects.filter(cohort=cohort, assignment=assignment).only(
                "pk",
                "author_id",
                "audience",
                "status",
                "first_submitted_at",
                "cohort_id",
                "assignment_id",
            )
        )
        self.reviews = list(
            PeerReview.objects.filter(assignment=assignment, submission__cohort=cohort).values(
                "submission_id",
                "reviewer_id",
                "status",
                "expires_at",
                "reviewer_slot",
                "submission_slot",
            )
        )
        self.submitted_authors = {s.author_id for s in self.submissions if s.first_submitted_at}
        self.reviewers_of: dict[int, set[int]] = {}
        self.slots_taken: dict[int, int] = {}
        self.busy: dict[int, int] = {}
        for review in self.reviews:
            self.reviewers_of.setdefault(review["submission_id"], set()).add(review["reviewer_id"])
            if review["submission_slot"] is not None:
                self.slots_taken[review["submission_id"]] = (
                    self.slots_taken.get(review["submission_id"], 0) + 1
                )
            if review["reviewer_slot"] is not None:
                self.busy[review["reviewer_id"]] = self.busy.get(review["reviewer_id"], 0) + 1
        # Deadlines are dates in the site's time zone (Amsterdam), like everywhere.
        # The cohort's deadline, and each learner's own (a trainer's extension).
        self.today = today = timezone.localdate(self.now)
        self.deadlines = Deadlines(cohort=cohort, assignment=assignment)
        deadline = self.deadlines.course[DeadlineKind.SUBMISSION]
        self.submission_deadline_passed = deadline is not None and today > deadline
        review_deadline = assignment.review_deadline(cohort)
        self.review_deadline_passed = review_deadline is not None and today > review_deadline
        # Indexes, so each answer below costs only the rows it is about.
        self.reviews_by_submission: dict[int, list[dict]] = {}
        self.reviews_by_reviewer: dict[int, list[dict]] = {}
        for review in self.reviews:
            self.reviews_by_submission.setdefault(review["submission_id"], []).append(review)
            self.reviews_by_reviewer.setdefault(review["reviewer_id"], []).append(review)
        self.learners_with_capacity = {
            learner_id
            for learner_id in self.learner_ids & self.submitted_authors
            if self.busy.get(learner_id, 0) < assignment.reviews_per_learner
        }
        self.learners_yet_to_submit = self.learner_ids - self.submitted_authors
        self.open_submissions = [
            s
            for s in self.submissions
            if self._reviewable(s)
            and self.slots_taken.get(s.pk, 0) < assignment.reviews_per_submission
        ]

    def _reviewable(self, submission) -> bool:
        return (
            submission.audience == Submission.Audience.PEERS
            and submission.status != Submission.Status.DRAFT
        )

    def eligible_peers(self, submission) -> int:
        """Other active learners who could still review `submission`.

        Those who submitted and have room for another review, plus, while the
        submission deadline has not passed, those who have yet to submit.
        """
        ruled_out = {submission.author_id} | self.reviewers_of.get(submission.pk, set())
        count = len(self.learners_with_capacity - ruled_out)
        count += len(self.may_still_submit(self.learners_yet_to_submit - ruled_out))
        return count

    def submission_passed(self, learner_id: int) -> bool:
        """Whether this learner's own submission deadline (with any extension) has passed."""
        return self.deadlines.passed(learner_id, DeadlineKind.SUBMISSION, today=self.today)

    def review_passed(self, learner_id: int) -> bool:
        """Whether this learner's own feedback deadline (with any extension) has passed."""
        if self.assignment.review_deadline(self.cohort) is None:
            return False
        return self.deadlines.passed(learner_id, DeadlineKind.REVIEW, today=self.today)

    def may_still_submit(self, learner_ids) -> set[int]:
        return {learner_id for learner_id in learner_ids if not self.submission_passed(learner_id)}

    def review_state(self, submission) -> SubmissionReviewState:
        """How far a reflection is with its reviews, and whether the trainer must step in."""
        assignment = self.assignment
        own = self.reviews_by_submission.get(submission.pk, [])
        given = sum(1 for r in own if r["status"] == PeerReview.Status.SUBMITTED)
        active = sum(
            1
            for r in own
            if r["status"] == PeerReview.Status.CLAIMED and r["expires_at"] > self.now
        )
        if not submission.shared_with_peers or not assignment.peer_review_enabled:
            return SubmissionReviewState(submission, 0, 0, 0, True, FallbackReason.TRAINER_ONLY)
        required = assignment.reviews_per_submission
        missing = required - given - active
        if given >= required or missing <= 0:
            return SubmissionReviewState(submission, required, given, active, False, None)
        if self.review_deadline_passed and self._no_reviewer_has_time(submission):
            return SubmissionReviewState(
                submission, required, given, active, True, FallbackReason.DEADLINE
            )
        if (
            submission.first_submitted_at
            and self.now - submission.first_submitted_at > fallback_after()
        ):
            return SubmissionReviewState(
                submission, required, given, active, True, FallbackReason.WAITED
            )
        if self.eligible_peers(submission) < missing:
            return SubmissionReviewState(
                submission, required, given, active, True, FallbackReason.NO_PEERS
            )
        return SubmissionReviewState(submission, required, given, active, False, None)

    def _no_reviewer_has_time(self, submission) -> bool:
        """After the cohort's feedback deadline, unless a peer who could still review
        it has a later (extended) feedback deadline."""
        ruled_out = {submission.author_id} | self.reviewers_of.get(submission.pk, set())
        return all(
            self.review_passed(learner_id) for learner_id in self.learners_with_capacity - ruled_out
        )

    def has_candidates(self, reviewer_id: int) -> bool:
        """Whether `reviewer` could claim something now (mirrors `candidates()`)."""
        return any(
            s.author_id != reviewer_id and reviewer_id not in self.reviewers_of.get(s.pk, set())
            for s in self.open_submissions
        )

    def reviews_owed(self, reviewer_id: int) -> tuple[int, int, bool]:
        """(given, required, credited).

        Credited: the learner gave what was asked, or nothing more can come
        their way (no open claim, nothing to claim, and nobody else may still
        submit).
        """
        mine = self.reviews_by_reviewer.get(reviewer_id, [])
        given = sum(1 for r in mine if r["status"] == PeerReview.Status.SUBMITTED)
        required = self.assignment.reviews_per_learner
        if given >= required:
            return given, required, True
        if any(r["status"] == PeerReview.Status.CLAIMED for r in mine):
            return given, required, False
        if self.has_candidates(reviewer_id):
            return given, required, False
        # Credited once nobody else may still submit (everyone did, or their
        # own deadline, extension included, has passed).
        return (
            given,
            required,
            not self.may_still_submit(self.learners_yet_to_submit - {reviewer_id}),
        )


def submission_review_state(*, submission: Submission, now=None) -> SubmissionReviewState:
    """How far one reflection is with its reviews (see AssignmentAllocation.review_state)."""
    snapshot = AssignmentAllocation(
        cohort=submission.cohort, assignment=submission.assignment, now=now
    )
    return snapshot.review_state(submission)


def reviews_owed(*, reviewer, assignment, cohort, now=None) -> tuple[int, int, bool]:
    """(given, required, credited) for one learner (see AssignmentAllocation.reviews_owed)."""
    return AssignmentAllocation(cohort=cohort, assignment=assignment, now=now).reviews_owed(
        reviewer.pk
    )
