"""Removing what learners wrote in reflections: shared by erasure and retention."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from training.assessments.models import (
    ConcernFlag,
    PeerReview,
    ReviewRating,
    Submission,
    SubmissionVersion,
)

from .drafts import draft_revisions

# The key under which draft revisions are counted (the model lands on another branch).
DRAFT_REVISIONS = "assessments.DraftRevision"


def reflection_texts_remove(*, submissions: QuerySet[Submission], dry_run: bool = False) -> dict:
    """Delete the drafts among `submissions` and remove every text of the others.

    Drafts (never submitted: nobody else has read or reviewed them) are
    deleted outright. Submitted reflections keep their rows, so the feedback
    fellow learners gave still counts for their own certificates, but lose
    every text: each version's text and the trainer's comment on it, every
    draft revision, the feedback on them (it retells the reflection), the
    author's thanks for it and the reasons of concerns about them. They stop
    being offered for peer review and open claims on them lapse.

    Returns how many rows of each model are (or, with `dry_run`, would be)
    deleted or emptied; rows already emptied are not counted again.
    """
    drafts = submissions.filter(status=Submission.Status.DRAFT)
    submitted = submissions.exclude(status=Submission.Status.DRAFT)
    versions = SubmissionVersion.objects.filter(submission__in=submitted)
    versions_with_text = versions.filter(~Q(text="") | ~Q(decision_comment=""))
    revisions = draft_revisions(SubmissionVersion.objects.filter(submission__in=submissions))
    reviews = PeerReview.objects.filter(submission__in=submitted)
    reviews_with_text = reviews.filter(
        ~Q(summary="") | ~Q(question="") | ~Q(recognition="") | ~Q(rubric={})
    )
    open_claims = reviews.filter(status=PeerReview.Status.CLAIMED)
    ratings_with_text = ReviewRating.objects.filter(review__in=reviews).exclude(thanks="")
    concerns_with_text = ConcernFlag.objects.filter(submission__in=submitted).filter(
        ~Q(reason="") | ~Q(follow_up_note="")
    )
    counts = {
        "assessments.Submission": drafts.count(),
        "assessments.SubmissionVersion": versions_with_text.count(),
        DRAFT_REVISIONS: revisions.count(),
        "assessments.PeerReview": reviews_with_text.count() + open_claims.count(),
        "assessments.ReviewRating": ratings_with_text.count(),
        "assessments.ConcernFlag": concerns_with_text.count(),
    }
    if dry_run:
        return counts
    # Explicitly: revisions hang off versions, which are kept.
    revisions.delete()
    drafts.delete()
    versions_with_text.update(text="", decision_comment="")
    open_claims.lapse()
    reviews_with_text.update(summary="", question="", recognition="", rubric={})
    ratings_with_text.update(thanks="")
    concerns_with_text.update(reason="", follow_up_note="")
    submitted.exclude(audience=Submission.Audience.TRAINER).update(
        audience=Submission.Audience.TRAINER
    )
    return counts
