import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import REFLECTION_TEXT, reflection_cohort, submitted_reflection
from training.assessments.models import PeerReview, Submission
from training.assessments.reflections import allocation, errors, services

pytestmark = pytest.mark.django_db

FEEDBACK = {"summary": "Ik lees dat je je gehoord voelde.", "question": "Wat hielp je het meest?"}


def _give(review, reviewer):
    rubric = {str(c.key): {"score": 3} for c in review.assignment.rubric_criteria.all()}
    return services.review_submit(review=review, reviewer=reviewer, rubric=rubric, **FEEDBACK)


def test_cannot_claim_before_submitting_own_reflection():
    assignment, (a, b) = reflection_cohort(learners=2)
    submitted_reflection(enrolment=b, assignment=assignment)
    with pytest.raises(errors.NotSubmittedYet):
        allocation.peer_review_claim(reviewer=a.learner, assignment=assignment, cohort=a.cohort)


def test_claim_is_idempotent_and_never_own_work():
    assignment, (a, b, c) = reflection_cohort(learners=3)
    for enrolment in (a, b, c):
        submitted_reflection(enrolment=enrolment, assignment=assignment)

    first = allocation.peer_review_claim(reviewer=a.learner, assignment=assignment, cohort=a.cohort)
    again = allocation.peer_review_claim(reviewer=a.learner, assignment=assignment, cohort=a.cohort)

    assert first.pk == again.pk
    assert first.submission.author_id != a.learner_id


def test_oldest_reflection_with_fewest_reviews_goes_first():
    assignment, (a, b, c, d) = reflection_cohort(learners=4)
    older = submitted_reflection(enrolment=b, assignment=assignment)
    submitted_reflection(enrolment=c, assignment=assignment)
    submitted_reflection(enrolment=a, assignment=assignment)
    submitted_reflection(enrolment=d, assignment=assignment)

    review = allocation.peer_review_claim(
        reviewer=a.learner, assignment=assignment, cohort=a.cohort
    )
    assert review.submission_id == older.pk
    review_d = allocation.peer_review_claim(
        reviewer=d.learner, assignment=assignment, cohort=d.cohort
    )
    assert review_d.submission_id != older.pk  # b already has an active review, c has none


def test_database_refuses_self_review_and_double_review():
    assignment, (a, b) = reflection_cohort(learners=2)
    own = submitted_reflection(enrolment=a, assignment=assignment)
    submitted_reflection(enrolment=b, assignment=assignment)
    review = allocation.peer_review_claim(
        reviewer=b.learner, assignment=assignment, cohort=b.cohort
    )
    common = {
        "version": own.latest_version(),
        "assignment": assignment,
        "expires_at": timezone.now() + datetime.timedelta(hours=1),
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        PeerReview.objects.create(submission=own, author=a.learner, reviewer=a.learner, **common)
    with pytest.raises(IntegrityError), transaction.atomic():
        PeerReview.objects.create(
            submission=review.submission, author=a.learner, reviewer=b.learner, **common
        )


def test_lapsed_claim_returns_to_the_pool():
    assignment, (a, b, c) = reflection_cohort(
        learners=3, reviews_per_submission=1, reviews_per_learner=1
    )
    for enrolment in (a, b, c):
        submitted_reflection(enrolment=enrolment, assignment=assignment)
    now = timezone.now()
    held = allocation.peer_review_claim(
        reviewer=a.learner, assignment=assignment, cohort=a.cohort, now=now
    )

    later = now + datetime.timedelta(hours=assignment.claim_hours + 1)
    other = allocation.peer_review_claim(
        reviewer=c.learner, assignment=assignment, cohort=c.cohort, now=later
    )

    held.refresh_from_db()
    assert held.status == PeerReview.Status.LAPSED and held.submission_slot is None
    assert other is not None


def test_lapsed_reviewer_keeps_their_text_but_cannot_submit():
    assignment, (a, b) = reflection_cohort(learners=2)
    submitted_reflection(enrolment=a, assignment=assignment)
    submitted_reflection(enrolment=b, assignment=assignment)
    review = allocation.peer_review_claim(
        reviewer=a.learner, assignment=assignment, cohort=a.cohort
    )
    allocation.peer_review_release_lapsed(now=review.expires_at + datetime.timedelta(seconds=1))

    with pytest.raises(errors.ReviewNotYours):
        _give(review, a.learner)


def test_two_learners_fall_back_to_the_trainer_and_are_credited():
    assignment, (a, b) = reflection_cohort(learners=2)  # each needs 2 reviews; only 1 peer exists
    sub_a = submitted_reflection(enrolment=a, assignment=assignment)
    submitted_reflection(enrolment=b, assignment=assignment)
    _give(
        allocation.peer_review_claim(reviewer=a.learner, assignment=assignment, cohort=a.cohort),
        a.learner,
    )
    _give(
        allocation.peer_review_claim(reviewer=b.learner, assignment=assignment, cohort=b.cohort),
        b.learner,
    )

    state = allocation.submission_review_state(submission=sub_a)
    assert state.trainer_fallback and state.reason == "no_peers"
    assert (
        allocation.peer_review_claim(reviewer=a.learner, assignment=assignment, cohort=a.cohort)
        is None
    )
    assert allocation.reviews_owed(reviewer=a.learner, assignment=assignment, cohort=a.cohort) == (
        1,
        2,
        True,
    )


def test_first_submitter_is_not_credited_while_others_may_still_submit():
    assignment, (a, b, c) = reflection_cohort(learners=3)
    submitted_reflection(enrolment=a, assignment=assignment)
    assert (
        allocation.peer_review_claim(reviewer=a.learner, assignment=assignment, cohort=a.cohort)
        is None
    )
    assert allocation.reviews_owed(reviewer=a.learner, assignment=assignment, cohort=a.cohort) == (
        0,
        2,
        False,
    )


def test_trainer_only_reflection_is_never_offered_to_peers():
    assignment, (a, b) = reflection_cohort(learners=2)
    private = submitted_reflection(enrolment=a, assignment=assignment, audience="trainer")
    submitted_reflection(enrolment=b, assignment=assignment)

    assert private.status == Submission.Status.AWAITING_TRAINER
    assert (
        allocation.peer_review_claim(reviewer=b.learner, assignment=assignment, cohort=b.cohort)
        is None
    )
    assert allocation.submission_review_state(submission=private).reason == "trainer_only"


def test_deadline_passed_falls_back_to_the_trainer():
    assignment, enrolments = reflection_cohort(learners=5, review_due_days=7)
    sub = submitted_reflection(enrolment=enrolments[0], assignment=assignment)
    cohort = enrolments[0].cohort
    after = timezone.make_aware(
        datetime.datetime.combine(cohort.starts_on + datetime.timedelta(days=8), datetime.time(12))
    )

    assert not allocation.submission_review_state(submission=sub).trainer_fallback
    assert allocation.submission_review_state(submission=sub, now=after).reason == "deadline"


def test_feedback_moves_the_reflection_to_the_trainer_when_complete():
    assignment, (a, b, c) = reflection_cohort(learners=3)
    subs = {e.pk: submitted_reflection(enrolment=e, assignment=assignment) for e in (a, b, c)}
    for enrolment in (b, c, a, b, c, a):
        review = allocation.peer_review_claim(
            reviewer=enrolment.learner, assignment=assignment, cohort=enrolment.cohort
        )
        if review:
            _give(review, enrolment.learner)

    statuses = {s.status for s in Submission.objects.filter(pk__in=[s.pk for s in subs.values()])}
    assert statuses == {Submission.Status.AWAITING_TRAINER}


def test_no_claims_when_the_assignment_has_no_peer_review():
    assignment, (a, b) = reflection_cohort(learners=2, peer_review_enabled=False)
    submitted_reflection(enrolment=a, assignment=assignment)
    submitted_reflection(enrolment=b, assignment=assignment)
    assert (
        allocation.peer_review_claim(reviewer=a.learner, assignment=assignment, cohort=a.cohort)
        is None
    )


def test_word_count_message_uses_the_right_plural():
    assignment, (a,) = reflection_cohort(learners=1, min_words=5)
    submission = services.submission_get_or_create(enrolment=a, assignment=assignment)
    with pytest.raises(errors.TooShort) as one:
        services.submission_submit(submission=submission, text="Eén", audience="peers")
    assert "1 woord;" in one.value.message


def test_a_revised_reflection_goes_back_to_the_trainer_not_to_peers():
    assignment, (a, b, c) = reflection_cohort(learners=3)
    sub = submitted_reflection(enrolment=a, assignment=assignment)
    submitted_reflection(enrolment=b, assignment=assignment)
    submitted_reflection(enrolment=c, assignment=assignment)
    for enrolment in (b, c):
        _give(
            allocation.peer_review_claim(
                reviewer=enrolment.learner, assignment=assignment, cohort=enrolment.cohort
            ),
            enrolment.learner,
        )
    trainer = a.cohort.trainers.first()
    services.submission_decide(
        submission=sub, trainer=trainer, approve=False, comment="Vertel meer over wat hielp."
    )

    resubmitted = services.submission_submit(
        submission=sub, text=REFLECTION_TEXT + " Wat hielp was de rust.", audience="peers"
    )

    assert resubmitted.status == Submission.Status.AWAITING_TRAINER
    assert resubmitted.versions.count() == 2
