"""HTTP helpers shared by every app, and the one answer to a busy database.

A database locked past its busy timeout (SQLite's "database is locked"; on
PostgreSQL a lock or statement timeout, a deadlock) raises `OperationalError`.
`DatabaseBusyMiddleware` turns it, on every path, into the same calm answer:
503 with Retry-After, never stored by a cache; JSON `{error, retry: true}` for
scripts (autosave, fetch, the API), else a Dutch page (needing no database, like
500.html) that shows back what the person typed. Nothing was saved, so nothing is lost: the transaction rolled back
and the text is still in the browser (and on that page). Views with their own
refusal page (the reflection editor) answer with `database_busy_json()` or
`retry_after()` so the answer is the same there.
"""

from __future__ import annotations

import logging
import re

from django.conf import settings
from django.db import OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

BUSY_MESSAGE = _("It is busy right now, so your text was not saved yet.")
# Lock-like failures are expected under load (a warning); any other OperationalError
# (the database went away) is answered the same way but logged as an error.
_LOCK_WORDS = ("database is locked", "database table is locked", "lock timeout", "deadlock")
_LOCK_SQLSTATES = {"55P03", "57014", "40P01", "40001"}
# Posted fields that are no one's words: never shown back.
_NOT_TYPED = re.compile(r"csrf|password|token|secret|code|key|otp", re.IGNORECASE)
_MACHINE_VALUE = re.compile(r"^[a-z0-9_:.+\-]*$")


def no_store(response):
    """Mark a response that carries personal data: no shared or browser cache keeps it."""
    response["Cache-Control"] = "no-store, private"
    return response


def retry_after(response):
    """A 503 answer to a busy database: when to try again, and never cached."""
    response["Retry-After"] = str(settings.DATABASE_BUSY_RETRY_AFTER)
    return no_store(response)


def database_busy_json() -> JsonResponse:
    """The JSON answer (autosave, scripts) when the database stayed locked."""
    response = JsonResponse({"error": str(BUSY_MESSAGE), "retry": True}, status=503)
    return retry_after(response)


def database_is_locked(error: BaseException) -> bool:
    """Whether `error` is a lock or timeout (worth a warning), not a lost database."""
    cause = error.__cause__
    if getattr(cause, "sqlstate", None) in _LOCK_SQLSTATES:
        return True
    if getattr(cause, "pgcode", None) in _LOCK_SQLSTATES:
        return True
    return any(word in str(error).lower() for word in _LOCK_WORDS)


def wants_json(request) -> bool:
    """A script's request (fetch, autosave, sendBeacon, the API), not a page's form."""
    if "application/json" in request.headers.get("Accept", ""):
        return True
    if request.content_type == "application/json" or request.path.startswith("/api/"):
        return True
    try:
        return request.POST.get("autosave") == "1"
    except Exception:  # an unreadable body is no autosave  # noqa: BLE001
        return False


def typed_texts(request) -> list[str]:
    """What the person wrote in the posted form: their words, not ids, choices or secrets."""
    if request.method != "POST" or request.content_type == "application/json":
        return []
    texts = []
    try:
        items = list(request.POST.lists())
    except Exception:  # noqa: BLE001
        return []
    for name, values in items:
        if _NOT_TYPED.search(name):
            continue
        for value in values:
            value = value.strip()
            if value and not _MACHINE_VALUE.match(value) and value not in texts:
                texts.append(value)
    return texts


def back_url(request) -> str:
    """The page the form was on (its Referer, when it is this site), else this path."""
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return request.get_full_path()


class DatabaseBusyMiddleware:
    """Answers an `OperationalError` from any view with 503 and Retry-After (see module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError):
            return None
        if database_is_locked(exception):
            # The error's class and where, never the posted text.
            logger.warning("Database busy, answered 503: %s %s", request.method, request.path)
        else:
            logger.error("Database unavailable, answered 503: %s", type(exception).__name__)
        if wants_json(request):
            return database_busy_json()
        # Rendered without the request's context processors: like 500.html, the
        # page must not need the database that is busy.
        context = {"typed": typed_texts(request), "back": back_url(request)}
        page = render_to_string("database_busy.html", context)
        return retry_after(HttpResponse(page, status=503))


def resend_forms(*form_classes):
    """Name the plain forms a view takes, for the page that keeps typed text after a CSRF failure.

    A form posted with a stale CSRF token (the learner signed in again in
    another tab) is refused before the view runs; `home.csrf.csrf_failure`
    then shows what was typed in these forms' own fields and labels, with a
    fresh token, to send again. Put it below the other decorators (they copy
    the mark onto their wrappers). Views without it get a generic form.
    """

    def mark(view):
        view.resend_forms = form_classes
        return view

    return mark
