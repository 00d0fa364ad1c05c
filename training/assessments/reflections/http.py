"""Helpers shared by the learner's reflection views: privacy headers and lookups.

Every lookup starts from what the person may see (`submissions_readable_by`,
or their own reviews), so a wrong or guessed id is a 404.
"""

from functools import wraps

from django.utils.http import url_has_allowed_host_and_scheme

from training.learning.models import Enrolment

from .permissions import submissions_readable_by


def private(view):
    """Never cache a response that may carry reflection or feedback text."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store, private"
        return response

    return wrapped


def own_submissions(user):
    """The user's own reflections (readable, authored by them)."""
    return submissions_readable_by(user).filter(author=user)


def writable_submissions(user):
    """Own reflections the user may still work on: their enrolment is active."""
    return own_submissions(user).filter(enrolment__status=Enrolment.Status.ACTIVE)


def safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
