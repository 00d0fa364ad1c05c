"""Reads for learners' rights: everything held about a learner (the export),
and whether erasing an account needs someone's decision."""

from __future__ import annotations

from django.utils import timezone

from training.assessments.models import (
    ConcernFlag,
    KnowledgeCheckAttempt,
    PeerReview,
    ReflectionRead,
    ReviewRating,
    Submission,
    SubmissionVersion,
)
from training.associations.models import AssociationMembership
from training.certificates.models import Certificate, TrainerSignoff
from training.continuing.selectors import personal_data as continuing_data
from training.groups.selectors import personal_data as groups_data
from training.learning.models import Enrolment, LessonProgress
from training.practice.selectors import practice_personal_data

from .drafts import draft_revisions
from .models import DataExport, ErasureRequest

EXPORT_FORMAT = "lotgenoot-academie-export/1"


def _when(value):
    return value.isoformat() if value else None


def _rubric(review: PeerReview) -> list[dict]:
    """The rubric answers under the criteria's titles instead of their keys."""
    titles = {str(c.key): c.title for c in review.assignment.rubric_criteria.all()}
    rows = []
    for key, answer in (review.rubric or {}).items():
        answer = answer if isinstance(answer, dict) else {}
        rows.append(
            {
                "criterion": titles.get(key, key),
                "score": answer.get("score"),
                "comment": answer.get("comment", ""),
            }
        )
    return rows


def _rating(rating: ReviewRating | None) -> dict | None:
    if rating is None:
        return None
    return {
        "helpfulness": rating.helpfulness,
        "felt_heard": rating.felt_heard,
        "thanks": rating.thanks,
        "rated_at": _when(rating.rated_at),
    }


def _feedback(review: PeerReview, *, other) -> dict:
    """One piece of feedback; `other` is the fellow learner, shown only by the name peers see."""
    try:
        rating = review.rating
    except ReviewRating.DoesNotExist:
        rating = None
    return {
        "assignment": review.assignment.title,
        "fellow_learner": str(other.peer_name),
        "status": review.status,
        "claimed_at": _when(review.claimed_at),
        "submitted_at": _when(review.submitted_at),
        "summary": review.summary,
        "question": review.question,
        "recognition": review.recognition,
        "rubric": _rubric(review),
        "rating": _rating(rating),
    }


def _version(version: SubmissionVersion, drafts: list) -> dict:
    return {
        "number": version.number,
        "text": version.text,
        "word_count": version.word_count,
        "saved_at": _when(version.saved_at),
        "submitted_at": _when(version.submitted_at),
        "trainer_decision": version.decision,
        "trainer_comment": version.decision_comment,
        "decided_at": _when(version.decided_at),
        "draft_revisions": [
            {"revision": d.revision, "text": d.text, "saved_at": _when(d.saved_at)} for d in drafts
        ],
    }


def learner_data(*, user) -> dict:
    """Everything the platform holds about `user`, as plain JSON-ready data.

    Fellow learners appear only by the name peers see (their pseudonym or a
    neutral stand-in), never by name or email. Readers of a reflection appear
    by role, as on the site. Concerns others raised about the learner are not
    included: they protect the person who raised them (a trainer can talk the
    learner through them).
    """
    from allauth.account.models import EmailAddress

    enrolments = list(
        Enrolment.objects.filter(learner=user).select_related("course", "cohort").order_by("pk")
    )
    progress = {}
    for row in LessonProgress.objects.filter(enrolment__learner=user).select_related("lesson"):
        progress.setdefault(row.enrolment_id, []).append(
            {"lesson": row.lesson.title, "completed_at": _when(row.completed_at)}
        )
    attempts = {}
    for row in KnowledgeCheckAttempt.objects.filter(enrolment__learner=user).select_related(
        "lesson"
    ):
        attempts.setdefault(row.enrolment_id, []).append(
            {
                "lesson": row.lesson.title,
                "check_id": row.check_id,
                "selected_option_ids": row.selected_option_ids,
                "is_correct": row.is_correct,
                "answered_at": _when(row.answered_at),
            }
        )
    signoffs = {
        s.enrolment_id: _when(s.signed_at)
        for s in TrainerSignoff.objects.filter(enrolment__learner=user)
    }

    submissions = list(
        Submission.objects.filter(author=user).select_related("assignment").order_by("pk")
    )
    versions = SubmissionVersion.objects.filter(submission__author=user)
    drafts_by_version = {}
    for draft in draft_revisions(versions):
        drafts_by_version.setdefault(draft.version_id, []).append(draft)
    versions_by_submission = {}
    for version in versions.order_by("submission_id", "number"):
        versions_by_submission.setdefault(version.submission_id, []).append(
            _version(version, drafts_by_version.get(version.pk, []))
        )
    received = {}
    for review in (
        PeerReview.objects.filter(author=user)
        .exclude(status=PeerReview.Status.LAPSED)
        .select_related("reviewer", "assignment", "rating")
        .prefetch_related("assignment__rubric_criteria")
        .order_by("claimed_at", "pk")
    ):
        received.setdefault(review.submission_id, []).append(
            _feedback(review, other=review.reviewer)
        )
    reads = {}
    for read in ReflectionRead.objects.filter(submission__author=user).order_by("read_at"):
        reads.setdefault(read.submission_id, []).append(
            {"role": read.role, "read_at": _when(read.read_at)}
        )

    given = [
        _feedback(review, other=review.author)
        for review in PeerReview.objects.filter(reviewer=user)
        .select_related("author", "assignment", "rating")
        .prefetch_related("assignment__rubric_criteria")
        .order_by("claimed_at", "pk")
    ]
    concerns = [
        {
            "assignment": flag.submission.assignment.title,
            "fellow_learner": str(flag.submission.author.peer_name),
            "reason": flag.reason,
            "raised_at": _when(flag.raised_at),
            "followed_up_at": _when(flag.followed_up_at),
        }
        for flag in ConcernFlag.objects.filter(raised_by=user)
        .select_related("submission__assignment", "submission__author")
        .order_by("raised_at")
    ]
    certificates = [
        {
            "code": certificate.display_code,
            "status": certificate.status,
            "holder_name": certificate.holder_name,
            "course": certificate.course_title,
            "qualification": certificate.qualification_title,
            "period": certificate.period,
            "study_hours": certificate.study_hours,
            "pillars": certificate.pillars,
            "cohort": certificate.cohort_name,
            "trainer": certificate.trainer_name,
            "association": certificate.association_name,
            "issued_on": _when(certificate.issued_on),
            "valid_until": _when(certificate.valid_until),
            "revoked_at": _when(certificate.revoked_at),
            "revocation_reason": certificate.revoked_reason,
            "suspended_at": _when(certificate.suspended_at),
            "suspension_class": certificate.suspension_class,
            "reminders_sent": [
                {"days_before": r.days_before, "sent_at": _when(r.sent_at)}
                for r in certificate.reminders.all()
            ],
        }
        for certificate in Certificate.objects.filter(learner=user)
        .prefetch_related("reminders")
        .order_by("issued_at", "pk")
    ]
    return {
        "format": EXPORT_FORMAT,
        "generated_at": _when(timezone.now()),
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "pseudonym": user.pseudonym,
            "preferred_language": user.preferred_language,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in EmailAddress.objects.filter(user=user).order_by("pk")
            ],
        },
        "enrolments": [
            {
                "course": e.course.title,
                "cohort": e.cohort.name,
                "status": e.status,
                "enrolled_at": _when(e.enrolled_at),
                "left_at": _when(e.left_at),
                "last_activity_at": _when(e.last_activity_at),
                "lessons_completed": progress.get(e.pk, []),
                "knowledge_check_answers": attempts.get(e.pk, []),
                "trainer_signoff_at": signoffs.get(e.pk),
                "deadline_extensions": [
                    {"assignment": x.assignment.title, "kind": x.kind, "until": x.until.isoformat()}
                    for x in e.deadline_extensions.select_related("assignment").order_by("pk")
                ],
            }
            for e in enrolments
        ],
        "reflections": [
            {
                "assignment": s.assignment.title,
                "status": s.status,
                "audience": s.audience,
                "first_submitted_at": _when(s.first_submitted_at),
                "versions": versions_by_submission.get(s.pk, []),
                "feedback_received": received.get(s.pk, []),
                "read_by": reads.get(s.pk, []),
            }
            for s in submissions
        ],
        "feedback_given": given,
        "concerns_raised": concerns,
        "certificates": certificates,
        "associations": [
            {"association": m.association.name, "since": _when(m.created_at)}
            for m in AssociationMembership.objects.filter(learner=user).select_related(
                "association"
            )
        ],
        **continuing_data(user=user),
        **groups_data(user=user),
        **practice_personal_data(
            enrolment_ids=list(Enrolment.objects.filter(learner=user).values_list("pk", flat=True))
        ),
        "erasure_requests": [
            {"status": r.status, "requested_at": _when(r.requested_at)}
            for r in ErasureRequest.objects.filter(user=user)
        ],
    }


def erasure_reasons(*, user) -> list[str]:
    """Why erasing `user` needs a trainer's or administrator's decision (empty: it does not).

    A certificate: its name disappears from the verification page that
    associations rely on. An open concern about them: a trainer is following
    up on their wellbeing. Staff access: trainers' and administrators' names
    are in cohorts and certificates they signed.
    """
    reasons = []
    if Certificate.objects.filter(learner=user).exists():
        reasons.append(ErasureRequest.Reason.CERTIFICATE.value)
    if ConcernFlag.objects.filter(submission__author=user, followed_up_at__isnull=True).exists():
        reasons.append(ErasureRequest.Reason.OPEN_CONCERN.value)
    if user.is_staff or user.is_superuser:
        reasons.append(ErasureRequest.Reason.STAFF.value)
    return reasons


def latest_export(*, user) -> DataExport | None:
    return DataExport.objects.filter(user=user).first()


def latest_erasure_request(*, user) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user).first()


def pending_erasure(*, user) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).first()
