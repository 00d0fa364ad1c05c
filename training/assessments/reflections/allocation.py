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

REVIEWABLE = Q(audience=Submission.Audience.PEERS) & ~Q(status=Submission.Status.DRAFT)
ACTIVE_REVIEW = Q(status__in=[PeerReview.Status.CLAIMED, PeerReview.Status.SUBMITTED])


def fallback_after() -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, "PEER_REVIEW_FALLBACK_DAYS", 14))


def peer_review_release_lapsed(*, now=None) -> int:
    """Return lapsed claims to the pool (their slots become free)."""
    now = now or timezone.now()
    return PeerReview.objects.filter(status=PeerReview.Status.CLAIMED, expires_at__lte=now).update(
        status=PeerReview.Status.LAPSED, reviewer_slot=None, submission_slot=None
    )


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
    PeerReview.objects.filter(pk=review.pk, status=PeerReview.Status.CLAIMED).update(
        status=PeerReview.Status.LAPSED, reviewer_slot=None, submission_slot=None
    )


@dataclass(frozen=True)
class SubmissionReviewState:
    submission: Submission
    required: int
    given: int
    active: int
    trainer_fallback: bool
    reason: str


def _eligible_peers(*, submission: Submission, assignment, now) -> int:
    """Other active learners in the cohort who could still review this reflection."""
    cohort = submission.cohort
    learners = (
        Enrolment.objects.filter(cohort=cohort, status=Enrolment.Status.ACTIVE)
        .exclude(learner_id=submission.author_id)
        .exclude(learner__peer_reviews_given__submission=submission)
    )
    submitted_ids = set(
        Submission.objects.filter(
            cohort=cohort, assignment=assignment, first_submitted_at__isnull=False
        ).values_list("author_id", flat=True)
    )
    busy = dict(
        PeerReview.objects.filter(
            assignment=assignment, reviewer_slot__isnull=False, submission__cohort=cohort
        )
        .values_list("reviewer_id")
        .annotate(n=Count("pk"))
    )
    deadline = assignment.submission_deadline(cohort)
    may_still_submit = deadline is None or now.date() <= deadline
    count = 0
    for learner_id in learners.values_list("learner_id", flat=True):
        if learner_id in submitted_ids:
            if busy.get(learner_id, 0) < assignment.reviews_per_learner:
                count += 1
        elif may_still_submit:
            count += 1
    return count


def submission_review_state(*, submission: Submission, now=None) -> SubmissionReviewState:
    """How far a reflection is with its reviews, and whether the trainer must step in."""
    now = now or timezone.now()
    assignment = submission.assignment
    reviews = list(
        submission.peer_reviews.filter(ACTIVE_REVIEW).values_list("status", "expires_at")
    )
    given = sum(1 for status, _ in reviews if status == PeerReview.Status.SUBMITTED)
    active = sum(
        1 for status, expires in reviews if status == PeerReview.Status.CLAIMED and expires > now
    )
    if not submission.shared_with_peers or not assignment.peer_review_enabled:
        return SubmissionReviewState(submission, 0, 0, 0, True, "trainer_only")
    required = assignment.reviews_per_submission
    missing = required - given - active
    if given >= required or missing <= 0:
        return SubmissionReviewState(submission, required, given, active, False, "")
    review_deadline = assignment.review_deadline(submission.cohort)
    if review_deadline and now.date() > review_deadline:
        return SubmissionReviewState(submission, required, given, active, True, "deadline")
    if submission.first_submitted_at and now - submission.first_submitted_at > fallback_after():
        return SubmissionReviewState(submission, required, given, active, True, "waited")
    if _eligible_peers(submission=submission, assignment=assignment, now=now) < missing:
        return SubmissionReviewState(submission, required, given, active, True, "no_peers")
    return SubmissionReviewState(submission, required, given, active, False, "")


def reviews_owed(*, reviewer, assignment, cohort, now=None) -> tuple[int, int, bool]:
    """(given, required, credited).

    Credited: the learner gave what was asked, or nothing more can come their
    way (no open claim, nothing to claim, and nobody else may still submit).
    """
    now = now or timezone.now()
    given = PeerReview.objects.filter(
        reviewer=reviewer, assignment=assignment, status=PeerReview.Status.SUBMITTED
    ).count()
    required = assignment.reviews_per_learner
    if given >= required:
        return given, required, True
    if _open_claim(reviewer=reviewer, assignment=assignment) is not None:
        return given, required, False
    if candidates(reviewer=reviewer, assignment=assignment, cohort=cohort).exists():
        return given, required, False
    deadline = assignment.submission_deadline(cohort)
    if deadline is not None and now.date() > deadline:
        return given, required, True
    others = Enrolment.objects.filter(cohort=cohort, status=Enrolment.Status.ACTIVE).exclude(
        learner=reviewer
    )
    submitted = Submission.objects.filter(
        cohort=cohort, assignment=assignment, first_submitted_at__isnull=False
    ).exclude(author=reviewer)
    return given, required, others.count() <= submitted.count()
