"""The author's side of a reflection: write (autosave, save, submit), read it
back with every version and the feedback received, and rate that feedback.

The editor itself lives on the assignment page (a Wagtail page); these views
take its posts. Without JavaScript the form posts here and comes back to the
page; with JavaScript the page autosaves to `autosave` and receives JSON.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import OperationalError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from training.assessments.models import (
    PeerReview,
    ReflectionAssignmentPage,
    Submission,
    SubmissionVersion,
)
from training.converters import parse_id
from training.courses.models import CoursePage
from training.http import BUSY_MESSAGE, database_busy_json, resend_forms, retry_after
from training.learning.permissions import own_active_enrolments
from training.learning.services import ModuleLocked

from . import errors, services
from .display import RubricLine, read_by_text, rubric_lines
from .forms import RatingForm, ReflectionForm
from .http import own_submissions, private, writable_submissions
from .selectors import read_summary

EDITOR_ANCHOR = "#reflection"
logger = logging.getLogger(__name__)


def _is_autosave(request) -> bool:
    """An autosave from the page's script (fetch or sendBeacon), not the plain form."""
    return (
        request.POST.get("autosave") == "1"
        or "application/json" in request.headers.get("Accept", "")
        or request.content_type == "application/json"
    )


def _payload(request):
    """The posted fields: a JSON object, or the form (fetch with FormData, sendBeacon, no script).

    Anything else has no fields, so its text is missing (refused, never read as empty).
    """
    if request.content_type != "application/json":
        return request.POST
    try:
        data = json.loads(request.body.decode("utf-8"))
    except ValueError as error:  # also invalid UTF-8 (UnicodeDecodeError)
        raise errors.UnreadableRequest() from error
    if not isinstance(data, dict):
        raise errors.UnreadableRequest()
    return data


def _revision(value):
    """A posted base revision: digits become an int; anything else goes to the service as is."""
    if isinstance(value, str):
        return int(value) if value.isascii() and value.isdigit() and len(value) <= 12 else None
    return value


def _draft_input(request) -> dict:
    """The text, base revision and tab id of an autosave, as posted (the service checks them)."""
    data = _payload(request)
    text, client_id = data.get("text"), data.get("client_id", "")
    if (text is not None and not isinstance(text, str)) or not isinstance(client_id, str):
        raise errors.UnreadableRequest()
    return {
        "text": text,
        "base_revision": _revision(data.get("base_revision")),
        "client_id": client_id,
    }


def _saved_json(saved: services.DraftSaved, **extra) -> JsonResponse:
    version = saved.version
    return JsonResponse(
        {
            "revision": version.revision,
            "saved_at": _hhmm(version.saved_at),
            "word_count": version.word_count,
            "conflict": False,
            **extra,
        }
    )


def _hhmm(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M")


def _locked_json(error: errors.ReflectionError) -> JsonResponse:
    return JsonResponse({"error": str(error.message), "locked": True}, status=400)


def _refused_json(error: errors.DraftRefused) -> JsonResponse:
    """Nothing was saved: the editor shows why and keeps the text (on screen and on the device)."""
    data = {"error": str(error.message)}
    if isinstance(error, errors.DraftConflict):
        data.update(
            conflict=True,
            server_text=error.server_text,
            server_revision=error.server_revision,
            saved_at=_hhmm(error.saved_at),
        )
    if isinstance(error, errors.DraftTooLong):
        data.update(too_long=True, max_chars=error.max_chars)
    return JsonResponse(data, status=error.status)


def _autosave_json(request, submission: Submission, **extra) -> JsonResponse:
    """An autosave, answered in JSON whatever happens: saved, refused, locked or busy."""
    try:
        saved = services.draft_save(submission=submission, **_draft_input(request))
    except errors.SubmissionLocked as error:
        return _locked_json(error)
    except errors.DraftRefused as error:
        return _refused_json(error)
    except OperationalError as error:
        # "database is locked" (SQLite) or a lock timeout (PostgreSQL); never the text.
        logger.warning("Draft save deferred, database busy: %s", type(error).__name__)
        return database_busy_json()
    return _saved_json(saved, **extra)


def _editor_urls(submission: Submission) -> dict:
    args = [submission.public_id]
    return {
        "autosave": reverse("reflections:autosave", args=args),
        "submit": reverse("reflections:submit", args=args),
        "detail": reverse("reflections:detail", args=args),
    }


def _render_assignment(
    request, assignment: ReflectionAssignmentPage, form: ReflectionForm, *, status=200, **extra
):
    """The assignment page again, with the refused form (text and choice kept)."""
    context = assignment.get_context(request)
    context["reflection_form"] = form
    context.update(extra)
    return TemplateResponse(request, assignment.get_template(request), context, status=status)


def _refused_page(request, submission: Submission, form: ReflectionForm, error):
    """The plain form refused: the page again with what was typed; nothing was saved over it."""
    if isinstance(error, errors.DraftConflict):
        # Saving again is now a choice made with the saved text in view, not an accident.
        data = form.data.copy()
        data["base_revision"] = str(error.server_revision)
        form = ReflectionForm(data, audience_required=True)
        form.is_valid()
        conflict = {"text": error.server_text, "saved_at": error.saved_at}
        return _render_assignment(
            request, submission.assignment, form, status=409, draft_conflict=conflict
        )
    form.add_error("text", error.message)
    return _render_assignment(request, submission.assignment, form, status=error.status)


def _editor_post(request, submission: Submission):
    """The editor form without JavaScript: "save draft" or "submit"."""
    form = ReflectionForm(request.POST, audience_required=True)
    form.is_valid()  # the form only parses; the services hold the rules
    draft = {
        # None when missing: refused by the service, never read as an empty text.
        "text": request.POST.get("text"),
        "base_revision": _revision(request.POST.get("base_revision")),
    }
    try:
        saved = services.draft_save(submission=submission, **draft)
    except errors.SubmissionLocked as error:
        if request.POST.get("action") == "submit":
            # Submitted already (a double click): submitting again changes nothing.
            return _submit_post(request, submission, form)
        messages.error(request, error.message)
        return redirect(submission.assignment.url + EDITOR_ANCHOR)
    except errors.DraftRefused as error:
        return _refused_page(request, submission, form, error)
    except OperationalError as error:
        logger.warning("Draft save deferred, database busy: %s", type(error).__name__)
        form.add_error(None, BUSY_MESSAGE)
        return retry_after(_render_assignment(request, submission.assignment, form, status=503))
    if request.POST.get("action") == "submit":
        return _submit_post(request, submission, form, saved=saved)
    messages.success(
        request, _("Draft saved at %(time)s.") % {"time": _hhmm(saved.version.saved_at)}
    )
    return redirect(submission.assignment.url + EDITOR_ANCHOR)


def _submit_post(request, submission: Submission, form: ReflectionForm, saved=None):
    """Submit the draft just saved (so a refusal keeps it, on the server too)."""
    try:
        services.submission_submit(
            submission=submission, text=None, audience=form.cleaned_data.get("audience") or ""
        )
    except (errors.ReflectionError, ModuleLocked) as error:
        # Refused (too short, too long, no audience): the text was saved as a
        # draft above; the page's autosave goes on from that revision.
        if saved is not None:
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
        payload = _payload(request)
    except errors.DraftRefused as error:
        return _refused_json(error)
    assignment_id = parse_id(payload.get("assignment"))
    if assignment_id is None:
        raise Http404("no such assignment")
    assignment = get_object_or_404(
        ReflectionAssignmentPage.objects.live().public(), pk=assignment_id
    )
    course = CoursePage.objects.ancestor_of(assignment).first()
    enrolment = get_object_or_404(own_active_enrolments(request.user), course=course)
    try:
        submission = services.submission_get_or_create(enrolment=enrolment, assignment=assignment)
    except ModuleLocked:
        # The editor is not shown in a locked module; a crafted post gets nowhere.
        raise Http404("module locked") from None
    if not _is_autosave(request):
        return _editor_post(request, submission)
    return _autosave_json(
        request, submission, public_id=str(submission.public_id), urls=_editor_urls(submission)
    )


@private
@require_POST
@login_required
def autosave(request, public_id):
    """Save the draft; JSON {revision, saved_at (HH:MM, local), word_count}, or why not.

    Refusals change nothing: 400 (text missing or unsaveable, bad base
    revision; `locked` once submitted), 409 (`conflict`, with the saved text
    and revision), 413 (`too_long`), 503 (`retry`, with Retry-After).
    """
    submission = get_object_or_404(writable_submissions(request.user), public_id=public_id)
    return _autosave_json(request, submission)


@private
@require_POST
@login_required
@resend_forms(ReflectionForm)
def submit(request, public_id):
    submission = get_object_or_404(
        writable_submissions(request.user).select_related("assignment"), public_id=public_id
    )
    return _editor_post(request, submission)


@private
@login_required
def history(request, public_id):
    """The author's earlier saved drafts of the open version, newest first, to put one back."""
    submission = get_object_or_404(
        writable_submissions(request.user).select_related("assignment"), public_id=public_id
    )
    version = submission.latest_version()
    context = {
        "submission": submission,
        "assignment": submission.assignment,
        "version": version,
        "revisions": version.draft_revisions.order_by("-revision"),
        "history_size": settings.REFLECTION_DRAFT_HISTORY,
    }
    return TemplateResponse(request, "assessments/reflection_history.html", context)


@private
@require_POST
@login_required
def restore(request, public_id, revision):
    """Put an earlier draft back in the editor, as a new revision: the current text stays kept too."""
    submission = get_object_or_404(
        writable_submissions(request.user).select_related("assignment"), public_id=public_id
    )
    try:
        services.draft_restore(submission=submission, revision=revision)
    except errors.RevisionNotFound:
        raise Http404("no such revision") from None
    except errors.ReflectionError as error:
        messages.error(request, error.message)
        return redirect("reflections:history", public_id=submission.public_id)
    messages.success(
        request,
        _(
            "The earlier version is back in your editor. The text you had before is kept "
            "among the earlier versions."
        ),
    )
    return redirect(submission.assignment.url + EDITOR_ANCHOR)


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
@require_http_methods(["GET", "POST"])
@login_required
def rate(request, public_id):
    """The author rates feedback received: helpfulness and "ik voelde me gehoord".

    A saved rating redirects to the feedback on the reflection's page (PRG). An
    incomplete one shows that page again with the errors and the words kept;
    its address (this one) then leads back there when reloaded or bookmarked.
    """
    review = get_object_or_404(
        PeerReview.objects.filter(
            author=request.user, status=PeerReview.Status.SUBMITTED
        ).select_related("submission__assignment"),
        public_id=public_id,
    )
    detail_url = reverse("reflections:detail", args=[review.submission.public_id])
    if request.method != "POST":
        return redirect(f"{detail_url}#feedback-{review.public_id}")
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
