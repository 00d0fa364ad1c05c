"""Writing, submitting and deciding on reflections; rating feedback; concern flags.

Drafts never lose a word: a save is refused (and changes nothing) when its
text is missing or cannot be saved, or when it is based on a revision older
than the saved one (another tab): the learner then sees both texts and
chooses. Every saved revision is kept (the last `REFLECTION_DRAFT_HISTORY`)
so the author can put an earlier one back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from training.assessments.models import (
    ConcernFlag,
    DraftRevision,
    PeerReview,
    ReflectionRead,
    ReviewRating,
    Submission,
    SubmissionVersion,
)
from training.learning.models import Enrolment
from training.learning.services import ensure_unlocked
from training.learning.signals import announce_progress_changed

from . import errors
from .text import clean_text, draft_text_check, word_count

MAX_REVISION = 2**31 - 1
_CLIENT_ID = re.compile(r"[A-Za-z0-9_-]{0,64}")


@dataclass(frozen=True)
class DraftSaved:
    version: SubmissionVersion


def submission_get_or_create(*, enrolment, assignment) -> Submission:
    """The learner's submission for an assignment, created (with version 1) on first use.

    Refused with `ModuleLocked` while the assignment's module is locked.
    """
    ensure_unlocked(enrolment=enrolment, page=assignment)
    submission = Submission.objects.filter(enrolment=enrolment, assignment=assignment).first()
    if submission:
        return submission
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                enrolment=enrolment,
                author_id=enrolment.learner_id,
                cohort_id=enrolment.cohort_id,
                assignment=assignment,
            )
            SubmissionVersion.objects.create(submission=submission, number=1)
            return submission
    except IntegrityError:
        return Submission.objects.get(enrolment=enrolment, assignment=assignment)


def draft_save(
    *, submission: Submission, text: str | None, base_revision: int | None, client_id: str = ""
) -> DraftSaved:
    """Save the draft text of the open version, on top of `base_revision`.

    Rules, in order:
    - the text must be there and saveable (`draft_text_check`); the base must
      be a revision number (an int from 0), and `client_id` a short token;
    - a submitted version cannot change (`SubmissionLocked`);
    - the same text as saved is a success that changes nothing, answered from
      one plain read without the write transaction (an autosave on leaving, a
      retry or a second tab mostly sends what the server has already);
    - a base other than the saved revision is a conflict (`DraftConflict`,
      with the saved text), unless every revision since the base was written
      by this same client: a tab that saved by beacon could not read the
      new revision number, and its own saves are not a conflict;
    - otherwise the revision goes up by one and is kept in the history.
    """
    text = draft_text_check(text)
    _check_base(base_revision)
    if not isinstance(client_id, str) or not _CLIENT_ID.fullmatch(client_id):
        raise errors.UnreadableRequest()
    current = SubmissionVersion.objects.filter(submission=submission).order_by("-number").first()
    if current is not None and not current.is_locked and current.text == text:
        return DraftSaved(version=current)
    with transaction.atomic():
        version = _open_version_for_update(submission)
        if version.text == text:
            return DraftSaved(version=version)
        if base_revision != version.revision and not _only_own_revisions_since(
            version, base_revision, client_id
        ):
            raise errors.DraftConflict(
                server_text=version.text,
                server_revision=version.revision,
                saved_at=version.saved_at,
            )
        _draft_write(version, text, client_id)
    return DraftSaved(version=version)


def draft_restore(*, submission: Submission, revision: int) -> DraftSaved:
    """Put an earlier revision of the open version back, as a new revision (nothing is lost)."""
    _check_base(revision)
    with transaction.atomic():
        version = _open_version_for_update(submission)
        earlier = version.draft_revisions.filter(revision=revision).first()
        if earlier is None:
            raise errors.RevisionNotFound()
        if earlier.text != version.text:
            _draft_write(version, earlier.text, "")
    return DraftSaved(version=version)


def _check_base(base_revision) -> None:
    if (
        not isinstance(base_revision, int)
        or isinstance(base_revision, bool)
        or not 0 <= base_revision <= MAX_REVISION
    ):
        raise errors.InvalidBaseRevision()


def _open_version_for_update(submission: Submission) -> SubmissionVersion:
    version = (
        SubmissionVersion.objects.select_for_update()
        .filter(submission=submission)
        .order_by("-number")
        .first()
    )
    if version.is_locked:
        raise errors.SubmissionLocked()
    return version


def _only_own_revisions_since(version: SubmissionVersion, base: int, client_id: str) -> bool:
    """Were all revisions after `base` saved by `client_id`? (Unknown ones count as others'.)"""
    if not client_id or base > version.revision:
        return False
    since = version.draft_revisions.filter(revision__gt=base)
    own = since.filter(client_id=client_id).count()
    return own == version.revision - base and own == since.count()


def _draft_write(version: SubmissionVersion, text: str, client_id: str) -> None:
    """The next revision of the draft, kept in the history; revisions beyond the last N pruned."""
    version.text = text
    version.word_count = word_count(text)
    version.revision += 1
    version.saved_at = timezone.now()
    version.save(update_fields=["text", "word_count", "revision", "saved_at"])
    DraftRevision.objects.create(
        version=version,
        revision=version.revision,
        text=text,
        word_count=version.word_count,
        saved_at=version.saved_at,
        client_id=client_id,
    )
    _draft_history_prune(version)


def _draft_history_prune(version: SubmissionVersion) -> None:
    """Keep the last N revisions, and the last N older ones that another tab wrote over.

    Autosave makes a revision every few seconds, so the last N alone could
    push out, within a minute of typing, the text a learner chose to replace
    in a conflict. A revision followed by one from another client (another
    tab, the plain form, a restore) is such a hand-over: those stay longer.
    """
    keep = max(1, settings.REFLECTION_DRAFT_HISTORY)
    rows = list(version.draft_revisions.order_by("revision").values_list("pk", "client_id"))
    older = rows[:-keep]
    if not older:
        return
    handovers = [
        pk for (pk, client), (_next, after) in zip(older, rows[1:], strict=False) if client != after
    ]
    kept = set(handovers[-keep:])
    version.draft_revisions.filter(pk__in=[pk for pk, _client in older if pk not in kept]).delete()


def submission_submit(*, submission: Submission, text: str, audience: str) -> Submission:
    """Lock the open version and send it to peers or to the trainer.

    Rules: the audience must be chosen; the text must be within the word
    limits; trainer-only reflections skip peer review and go to the trainer,
    and so does a revised version (peers reviewed the first one).
    Submitting an already submitted version changes nothing (double click).
    """
    if audience not in Submission.Audience.values:
        raise errors.AudienceRequired()
    assignment = submission.assignment
    ensure_unlocked(enrolment=submission.enrolment, page=assignment)
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        version = submission.versions.order_by("-number").first()
        if version.is_locked:
            return submission
        text = draft_text_check(text) if text is not None else version.text
        count = word_count(text)
        if count < assignment.min_words:
            raise errors.TooShort(
                ngettext(
                    "Your reflection has %(count)s word; at least %(min)s are needed.",
                    "Your reflection has %(count)s words; at least %(min)s are needed.",
                    count,
                )
                % {"count": count, "min": assignment.min_words}
            )
        if count > assignment.max_words:
            raise errors.TooLong(
                _("Your reflection has %(count)s words; at most %(max)s are allowed.")
                % {"count": count, "max": assignment.max_words}
            )
        now = timezone.now()
        version.text, version.word_count, version.submitted_at = text, count, now
        version.revision += 1
        version.save(update_fields=["text", "word_count", "submitted_at", "revision"])
        # Peers review the first version; a revision the trainer asked for goes
        # back to the trainer (the peers' feedback on version 1 stays readable).
        peer = (
            audience == Submission.Audience.PEERS
            and assignment.peer_review_enabled
            and version.number == 1
        )
        submission.submit(audience=audience, to_peers=peer, now=now)
        announce_progress_changed(enrolment_id=submission.enrolment_id)
        _announce_credited_peers(submission=submission)
    return submission


def _announce_credited_peers(*, submission: Submission) -> None:
    """Peers of the cohort who gave fewer reviews than asked but are now credited
    (nothing more can come their way) may have met their last rule."""
    from .allocation import AssignmentAllocation

    if not submission.assignment.peer_review_enabled:
        return
    snapshot = AssignmentAllocation(cohort=submission.cohort, assignment=submission.assignment)
    credited = []
    for learner_id in snapshot.learner_ids & snapshot.submitted_authors - {submission.author_id}:
        given, required, is_credited = snapshot.reviews_owed(learner_id)
        if is_credited and given < required:
            credited.append(learner_id)
    for enrolment_id in Enrolment.objects.filter(
        cohort=submission.cohort, learner_id__in=credited, status=Enrolment.Status.ACTIVE
    ).values_list("pk", flat=True):
        announce_progress_changed(enrolment_id=enrolment_id)


def submission_decide(
    *, submission: Submission, trainer, approve: bool, comment: str = ""
) -> Submission:
    """Approve the submitted version, or ask for a revision (which opens a new draft version)."""
    from training.assessments.notifications import notify_author_of_decision

    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        version = submission.versions.order_by("-number").first()
        if not version.is_locked or version.decision:
            raise errors.DecisionNotAllowed()
        now = timezone.now()
        version.decision = (
            SubmissionVersion.Decision.APPROVED if approve else SubmissionVersion.Decision.REVISION
        )
        version.decision_comment = clean_text(comment)
        version.decided_by, version.decided_at = trainer, now
        version.save(update_fields=["decision", "decision_comment", "decided_by", "decided_at"])
        submission.decide(approved=approve)
        if not approve:
            SubmissionVersion.objects.create(
                submission=submission,
                number=version.number + 1,
                text=version.text,
                word_count=version.word_count,
            )
        announce_progress_changed(enrolment_id=submission.enrolment_id)
    transaction.on_commit(
        lambda: notify_author_of_decision(submission_id=submission.pk, approved=approve)
    )
    return submission


def review_rate(
    *, review: PeerReview, author, helpfulness: int, felt_heard: int, thanks: str = ""
) -> ReviewRating:
    """The author rates feedback received (once; a second rating updates the first)."""
    if review.author_id != author.pk or review.status != PeerReview.Status.SUBMITTED:
        raise errors.ReviewNotYours()
    if helpfulness not in range(1, 5) or felt_heard not in range(1, 5):
        raise errors.InvalidRating()
    rating, _created = ReviewRating.objects.update_or_create(
        review=review,
        defaults={
            "helpfulness": helpfulness,
            "felt_heard": felt_heard,
            "thanks": clean_text(thanks)[:2000],
        },
    )
    return rating


def concern_raise(*, submission: Submission, raised_by, reason: str) -> ConcernFlag:
    from training.assessments.notifications import notify_trainers_of_concern

    reason = clean_text(reason).strip()
    if not reason:
        raise errors.ReflectionError(_("Write in a few words what worries you."))
    flag = ConcernFlag.objects.create(submission=submission, raised_by=raised_by, reason=reason)
    transaction.on_commit(lambda: notify_trainers_of_concern(flag_id=flag.pk))
    return flag


def concern_follow_up(*, flag: ConcernFlag, trainer, note: str = "") -> ConcernFlag:
    if flag.followed_up_at is None:
        flag.followed_up_at, flag.followed_up_by = timezone.now(), trainer
        flag.follow_up_note = clean_text(note)
        flag.save(update_fields=["followed_up_at", "followed_up_by", "follow_up_note"])
    return flag


def reflection_read_log(*, submission: Submission, reader, role: str) -> None:
    """Record that someone other than the author opened the reflection."""
    if reader.pk != submission.author_id:
        ReflectionRead.objects.create(submission=submission, reader=reader, role=role)


def review_submit(
    *,
    review: PeerReview,
    reviewer,
    summary: str,
    question: str,
    recognition: str = "",
    rubric: dict,
) -> PeerReview:
    """Give feedback on a claimed reflection.

    Rules: only the claimant, only while the claim is open (a lapsed claim
    whose reflection went to someone else is refused; the form keeps the text);
    the summary and the question are required; every scale criterion needs a
    score of 1 to 4. Submitting twice changes nothing.
    """
    from training.assessments.notifications import notify_author_of_feedback

    if review.reviewer_id != reviewer.pk:
        raise errors.ReviewNotYours()
    summary, question = clean_text(summary).strip(), clean_text(question).strip()
    if not summary or not question:
        raise errors.ReviewIncomplete()
    criteria = {str(c.key): c for c in review.assignment.rubric_criteria.all()}
    cleaned = {}
    for key, criterion in criteria.items():
        entry = rubric.get(key) or {}
        comment = clean_text(entry.get("comment", "")).strip()[:2000]
        if criterion.kind == criterion.Kind.SCALE:
            try:
                score = int(entry.get("score"))
            except (TypeError, ValueError):
                score = None
            if score not in range(1, 5):
                raise errors.ReviewIncomplete(
                    _("Choose a score for “%(criterion)s”.") % {"criterion": criterion.title}
                )
            cleaned[key] = {"score": score, "comment": comment}
        else:
            cleaned[key] = {"comment": comment}
    with transaction.atomic():
        review = PeerReview.objects.select_for_update().get(pk=review.pk)
        if review.status == PeerReview.Status.SUBMITTED:
            return review
        if review.status != PeerReview.Status.CLAIMED:
            raise errors.ReviewNotYours(
                _(
                    "Your time for this feedback ran out and the reflection went back to the pool. "
                    "Your text is still below, so you can keep it."
                )
            )
        review.give(
            summary=summary,
            question=question,
            recognition=clean_text(recognition).strip(),
            rubric=cleaned,
            now=timezone.now(),
        )
        submission = Submission.objects.select_for_update().get(pk=review.submission_id)
        given = submission.peer_reviews.filter(status=PeerReview.Status.SUBMITTED).count()
        if (
            submission.status == Submission.Status.IN_REVIEW
            and given >= review.assignment.reviews_per_submission
        ):
            submission.peer_review_complete()
        # The reviewer gave feedback they owed.
        for enrolment_id in Enrolment.objects.filter(
            learner_id=reviewer.pk, course_id=submission.enrolment.course_id
        ).values_list("pk", flat=True):
            announce_progress_changed(enrolment_id=enrolment_id)
        _announce_credited_peers(submission=submission)
    transaction.on_commit(lambda: notify_author_of_feedback(review_id=review.pk))
    return review
