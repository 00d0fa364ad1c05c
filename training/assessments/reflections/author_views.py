"""The author's side of a reflection: write (autosave, save, submit), read it
back with every version and the feedback received, and rate that feedback.

The editor itself lives on the assignment page (a Wagtail page); these views
take its posts. Without JavaScript the form posts here and comes back to the
page; with JavaScript the page autosaves to `autosave` and receives JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from training.assessments.models import (
    PeerReview,
    ReflectionAssignmentPage,
    Submission,
    SubmissionVersion,
)
from training.courses.models import CoursePage
from training.learning.permissions import own_active_enrolments
from training.learning.selectors import course_progress

from . import errors, services
from .display import RubricLine, read_by_text, rubric_lines
from .forms import RatingForm, ReflectionForm
from .http import own_submissions, private, writable_submissions
from .selectors import read_summary

EDITOR_ANCHOR = "#reflection"


def _is_autosave(request) -> bool:
    """An autosave from the page's script (fetch or sendBeacon), not the plain form."""
    return (
        request.POST.get("autosave") == "1"
        or "application/json" in request.headers.get("Accept", "")
        or request.content_type == "application/json"
    )


def _payload(request):
    """The posted fields: a JSON object, or the form (fetch with FormData, sendBeacon, no script)."""
    if request.content_type != "application/json":
        return request.POST
    try:
        data = json.loads(request.body or b"{}")
    except ValueError as error:
        raise BadRequest("Invalid JSON") from error
    if not isinstance(data, dict):
        raise BadRequest("Expected an object")
    return data


def _draft_input(request) -> tuple[str, int | None]:
    """The text and base revision of an autosave."""
    data = _payload(request)
    text = data.get("text", "")
    if not isinstance(text, str):
        raise BadRequest("text must be a string")
    try:
        base_revision = int(data.get("base_revision"))
    except (TypeError, ValueError):
        base_revision = None
    return text, base_revision


def _saved_json(saved: services.DraftSaved, **extra) -> JsonResponse:
    version = saved.version
    return JsonResponse(
        {
            "revision": version.revision,
            "saved_at": timezone.localtime(version.saved_at).strftime("%H:%M"),
            "word_count": version.word_count,
            "conflict": saved.conflict,
            **extra,
        }
    )


def _locked_json(error: errors.ReflectionError) -> JsonResponse:
    return JsonResponse({"error": str(error.message), "locked": True}, status=400)


def _editor_urls(submission: Submission) -> dict:
    args = [submission.public_id]
    return {
        "autosave": reverse("reflections:autosave", args=args),
        "submit": reverse("reflections:submit", args=args),
        "detail": reverse("reflections:detail", args=args),
    }


def _render_assignment(request, assignment: ReflectionAssignmentPage, form: ReflectionForm):
    """The assignment page again, with the refused form (text and choice kept)."""
    context = assignment.get_context(request)
    context["reflection_form"] = form
    return TemplateResponse(request, assignment.get_template(request), context)


CONFLICT_MESSAGE = gettext_lazy(
    "A newer version was saved in another window. What you see here has now been saved over it."
)


def _editor_post(request, submission: Submission):
    """The editor form without JavaScript: "save draft" or "submit"."""
    form = ReflectionForm(request.POST, audience_required=True)
    form.is_valid()  # every field is optional here; the services hold the rules
    if request.POST.get("action") == "submit":
        return _submit_post(request, submission, form)
    return _save_post(request, submission, form)


def _save_post(request, submission: Submission, form: ReflectionForm):
    try:
        saved = services.draft_save(
            submission=submission,
            text=form.cleaned_data.get("text") or "",
            base_revision=form.cleaned_data.get("base_revision"),
        )
    except errors.SubmissionLocked as error:
        messages.error(request, error.message)
    else:
        time = timezone.localtime(saved.version.saved_at).strftime("%H:%M")
        messages.success(request, _("Draft saved at %(time)s.") % {"time": time})
        if saved.conflict:
            messages.warning(request, CONFLICT_MESSAGE)
    return redirect(submission.assignment.url + EDITOR_ANCHOR)


def _submit_post(request, submission: Submission, form: ReflectionForm):
    text = form.cleaned_data.get("text") or ""
    try:
        services.submission_submit(
            submission=submission, text=text, audience=form.cleaned_data.get("audience") or ""
        )
    except errors.ReflectionError as error:
        # Refused (too short, too long, no audience): keep what was typed on
        # the server too, and let the page's autosave go on from that revision.
        try:
            saved = services.draft_save(
                submission=submission,
                text=text,
                base_revision=form.cleaned_data.get("base_revision"),
            )
        except errors.SubmissionLocked:
            pass
        else:
            data = request.POST.copy()
            data["base_revision"] = str(saved.version.revision)
            form = ReflectionForm(data, audience_required=True)
            form.is_valid()
        field = "audience" if isinstance(error, errors.AudienceRequired) else "text"
        form.add_error(field, error.message)
        return _render_assignment(request, submission.assignment, form)
    messages.success(request, _("Your reflection has been submitted. Thank you for sharing it."))
    return redirect(submission.assignment.url + EDITOR_ANCHOR)


@private
@require_POST
@login_required
def start(request):
    """The first save of a reflection: creates it (once) for the learner's enrolment."""
    try:
        assignment_id = int(_payload(request).get("assignment", ""))
    except (TypeError, ValueError):
        raise BadRequest("assignment") from None
    assignment = get_object_or_404(
        ReflectionAssignmentPage.objects.live().public(), pk=assignment_id
    )
    course = CoursePage.objects.ancestor_of(assignment).first()
    enrolment = get_object_or_404(own_active_enrolments(request.user), course=course)
    if course_progress(enrolment=enrolment).is_page_locked(assignment.pk):
        # The editor is not shown in a locked module; a crafted post gets nowhere.
        raise Http404("module locked")
    submission = services.submission_get_or_create(enrolment=enrolment, assignment=assignment)
    if not _is_autosave(request):
        return _editor_post(request, submission)
    text, base_revision = _draft_input(request)
    try:
        saved = services.draft_save(submission=submission, text=text, base_revision=base_revision)
    except errors.SubmissionLocked as error:
        return _locked_json(error)
    return _saved_json(saved, public_id=str(submission.public_id), urls=_editor_urls(submission))


@private
@require_POST
@login_required
def autosave(request, public_id):
    """Save the draft; JSON {revision, saved_at (HH:MM, local), word_count, conflict}."""
    submission = get_object_or_404(writable_submissions(request.user), public_id=public_id)
    text, base_revision = _draft_input(request)
    try:
        saved = services.draft_save(submission=submission, text=text, base_revision=base_revision)
    except errors.SubmissionLocked as error:
        return _locked_json(error)
    return _saved_json(saved)


@private
@require_POST
@login_required
def submit(request, public_id):
    submission = get_object_or_404(
        writable_submissions(request.user).select_related("assignment"), public_id=public_id
    )
    return _editor_post(request, submission)


# --- Reading back: versions, decisions, feedback received -----------------


@dataclass
class ReceivedFeedback:
    review: PeerReview
    reviewer_name: str
    rubric: list[RubricLine]
    rating_form: RatingForm


@dataclass
class VersionWithFeedback:
    version: SubmissionVersion
    feedback: list[ReceivedFeedback]


def _rating_form(review: PeerReview, bound: dict) -> RatingForm:
    if review.pk in bound:
        return bound[review.pk]
    rating = getattr(review, "rating", None)
    initial = (
        {
            "helpfulness": rating.helpfulness,
            "felt_heard": rating.felt_heard,
            "thanks": rating.thanks,
        }
        if rating
        else None
    )
    return RatingForm(initial=initial, prefix=f"rating-{review.public_id}")


def _render_detail(request, submission: Submission, *, bound_forms=None):
    bound_forms = bound_forms or {}
    criteria = list(submission.assignment.rubric_criteria.all())
    reviews = (
        submission.peer_reviews.filter(status=PeerReview.Status.SUBMITTED)
        .select_related("reviewer", "rating")
        .order_by("submitted_at")
    )
    by_version: dict[int, list[ReceivedFeedback]] = {}
    for review in reviews:
        by_version.setdefault(review.version_id, []).append(
            ReceivedFeedback(
                review=review,
                reviewer_name=review.reviewer.peer_name,
                rubric=rubric_lines(review, criteria),
                rating_form=_rating_form(review, bound_forms),
            )
        )
    versions = [
        VersionWithFeedback(version=version, feedback=by_version.get(version.pk, []))
        for version in submission.versions.select_related("decided_by").order_by("-number")
    ]
    context = {
        "submission": submission,
        "assignment": submission.assignment,
        "versions": versions,
        "read_by": read_by_text(read_summary(submission=submission)),
    }
    return TemplateResponse(request, "assessments/reflection_detail.html", context)


@private
@login_required
def detail(request, public_id):
    """The author's own reflection: every version, trainer decisions and peer feedback."""
    submission = get_object_or_404(
        own_submissions(request.user).select_related("assignment", "cohort"), public_id=public_id
    )
    return _render_detail(request, submission)


@private
@require_POST
@login_required
def rate(request, public_id):
    """The author rates feedback received: helpfulness and "ik voelde me gehoord"."""
    review = get_object_or_404(
        PeerReview.objects.filter(
            author=request.user, status=PeerReview.Status.SUBMITTED
        ).select_related("submission__assignment"),
        public_id=public_id,
    )
    form = RatingForm(request.POST, prefix=f"rating-{review.public_id}")
    if form.is_valid():
        try:
            services.review_rate(review=review, author=request.user, **form.cleaned_data)
        except errors.ReflectionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Thank you. Your fellow learner will see how the feedback landed.")
            )
            detail_url = reverse("reflections:detail", args=[review.submission.public_id])
            return redirect(f"{detail_url}#feedback-{review.public_id}")
    return _render_detail(request, review.submission, bound_forms={review.pk: form})


@private
@login_required
def index(request):
    """The learner's own reflections, newest first."""
    submissions = (
        own_submissions(request.user).select_related("assignment", "cohort").order_by("-updated_at")
    )
    return TemplateResponse(
        request, "assessments/reflection_index.html", {"submissions": submissions}
    )
