"""The reviewer's side: claim a fellow learner's reflection, read it, give
feedback the listening way, give it back, say "ik maak me zorgen", and see
how one's own feedback was received.

A reviewer reaches a reflection only through their own `PeerReview`, and
reads its text only while `permissions` allows it (open claim or feedback
given); every read by someone other than the author is logged.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from training.assessments.models import PeerReview
from training.http import resend_forms

from . import allocation, coach, errors, services
from .display import rubric_lines
from .forms import FELT_HEARD_LEVELS, HELPFULNESS_LEVELS, ConcernForm, ReviewForm
from .http import private, safe_next, writable_submissions
from .permissions import reader_role, submissions_readable_by
from .selectors import ratings_received_by_reviewer

PEER_REVIEW_ANCHOR = "#peer-review"


def _own_review(user, public_id) -> PeerReview:
    return get_object_or_404(
        PeerReview.objects.filter(reviewer=user).select_related(
            "submission__author", "submission__cohort", "version", "assignment"
        ),
        public_id=public_id,
    )


def _may_read(user, review: PeerReview) -> bool:
    return submissions_readable_by(user).filter(pk=review.submission_id).exists()


def _render_review(request, review: PeerReview, form: ReviewForm):
    submission = review.submission
    readable = _may_read(request.user, review)
    if readable:
        role = reader_role(request.user, submission)
        if role is not None:
            services.reflection_read_log(submission=submission, reader=request.user, role=role)
    context = {
        "review": review,
        "assignment": review.assignment,
        "readable": readable,
        "reflection_text": review.version.text if readable else "",
        "author_name": submission.author.peer_name,
        "form": form,
        "rubric_lines": (
            rubric_lines(review, review.assignment.rubric_criteria.all())
            if review.status == PeerReview.Status.SUBMITTED
            else []
        ),
        "concern_form": ConcernForm(),
        "coach_rules": {
            "rules": coach.rules_for_browser(),
            "open_question": str(coach.OPEN_QUESTION_SUGGESTION),
        },
    }
    return TemplateResponse(request, "assessments/peer_review.html", context)


@private
@require_POST
@login_required
def claim(request, public_id):
    """ "Geef feedback aan een medecursist": the next reflection, or a kind word why not."""
    own = get_object_or_404(
        writable_submissions(request.user).select_related("assignment", "cohort"),
        public_id=public_id,
    )
    assignment, back = own.assignment, own.assignment.url + PEER_REVIEW_ANCHOR
    if not assignment.peer_review_enabled:
        messages.info(request, _("This assignment has no peer feedback."))
        return redirect(back)
    try:
        review = allocation.peer_review_claim(
            reviewer=request.user, assignment=assignment, cohort=own.cohort
        )
    except errors.ReflectionError as error:
        messages.info(request, error.message)
        return redirect(back)
    if review is not None:
        return redirect("reflections:review", review.public_id)
    given, required, credited = allocation.reviews_owed(
        reviewer=request.user, assignment=assignment, cohort=own.cohort
    )
    if given >= required:
        messages.success(
            request, _("You have given all the feedback this assignment asks for. Thank you!")
        )
    elif credited:
        messages.info(
            request,
            _(
                "There are no more reflections for you to read. That is not your doing: "
                "the feedback you gave counts as complete."
            ),
        )
    else:
        messages.info(
            request,
            _(
                "No reflection is waiting for feedback right now. Come back later: as soon as "
                "a fellow learner submits, you can start."
            ),
        )
    return redirect(back)


@private
@login_required
def review(request, public_id):
    """Read a fellow learner's reflection and give feedback (GET shows, POST submits)."""
    peer_review = _own_review(request.user, public_id)
    criteria = peer_review.assignment.rubric_criteria.all()
    if request.method != "POST":
        return _render_review(request, peer_review, ReviewForm(criteria=criteria))
    form = ReviewForm(request.POST, criteria=criteria)
    if form.is_valid():
        try:
            services.review_submit(
                review=peer_review,
                reviewer=request.user,
                summary=form.cleaned_data["summary"],
                question=form.cleaned_data["question"],
                recognition=form.cleaned_data["recognition"],
                rubric=form.rubric(),
            )
        except errors.ReflectionError as error:
            form.add_error(None, error.message)
            peer_review.refresh_from_db()
        else:
            messages.success(
                request, _("Thank you! Your feedback has been sent to your fellow learner.")
            )
            return redirect(peer_review.assignment.url + PEER_REVIEW_ANCHOR)
    return _render_review(request, peer_review, form)


@private
@require_POST
@login_required
def abandon(request, public_id):
    """Give a claimed reflection back, so someone else can give feedback."""
    peer_review = _own_review(request.user, public_id)
    if peer_review.status == PeerReview.Status.CLAIMED:
        allocation.peer_review_abandon(review=peer_review)
        messages.info(
            request,
            _("You gave the reflection back. Someone else can now give feedback on it."),
        )
    return redirect(peer_review.assignment.url + PEER_REVIEW_ANCHOR)


@private
@require_POST
@login_required
@resend_forms(ConcernForm)
def concern(request, public_id):
    """ "Ik maak me zorgen": a reason that goes privately to the cohort's trainers.

    Open to those who may read the reflection other than its author: the
    allocated reviewers (here) and the trainers (from their own pages).
    """
    submission = get_object_or_404(
        submissions_readable_by(request.user).exclude(author=request.user), public_id=public_id
    )
    back = safe_next(request, reverse("learning:dashboard"))
    form = ConcernForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write in a few words what worries you."))
        return redirect(back)
    try:
        services.concern_raise(
            submission=submission, raised_by=request.user, reason=form.cleaned_data["reason"]
        )
    except errors.ReflectionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "Thank you for saying so. The trainers have been told, privately; they will follow it up."
            ),
        )
    return redirect(back)


@private
@login_required
def my_feedback(request):
    """ "Mijn feedback": how the feedback I gave was received, over time."""
    ratings = ratings_received_by_reviewer(reviewer=request.user)
    helpfulness, felt_heard = dict(HELPFULNESS_LEVELS), dict(FELT_HEARD_LEVELS)
    context = {
        "rows": [
            (r, helpfulness.get(r.helpfulness, ""), felt_heard.get(r.felt_heard, ""))
            for r in ratings
        ],
        "given_count": PeerReview.objects.filter(
            reviewer=request.user, status=PeerReview.Status.SUBMITTED
        ).count(),
    }
    if ratings:
        context["average_helpfulness"] = sum(r.helpfulness for r in ratings) / len(ratings)
        context["average_felt_heard"] = sum(r.felt_heard for r in ratings) / len(ratings)
    return TemplateResponse(request, "assessments/my_feedback.html", context)
