"""Maintenance mode: one switch an operator flips while the platform is being changed.

`manage.py maintenance on [--retry-after SECONDS]` writes the file named by
`MAINTENANCE_FILE`; `manage.py maintenance off` removes it. A file, not a
database row or a cache key: the switch must work while the database is
being migrated or restored, and it is one `stat` per request. With app
servers on several machines the file lives on a path they share (or the
command runs on each).

While it is on, `MaintenanceMiddleware` answers every request but the
operators' endpoints and the static files with 503 and Retry-After, never
stored by a cache:
- scripts (autosave, fetch, the API; `training.http.wants_json`) get JSON
  `{error, retry: true, maintenance: true}`: the reflection editor keeps the
  text on the device and sends it again after Retry-After;
- pages get a calm Dutch page that needs no database and shows back what a
  posted form held (like the busy-database page), so nothing typed is lost.
`/healthz` stays alive and `/readyz` turns unready (health.py), so a load
balancer sees the state without taking the process for dead.

The file holds JSON (`retry_after`, `since`), no personal data. An unreadable
or empty file still means "on" (with the default Retry-After): a switch that
half-failed must not let requests into a platform being changed.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from training.http import back_url, no_store, typed_texts, wants_json

MAINTENANCE_MESSAGE = _(
    "We are working on the Lotgenoot Academie, so your text was not saved yet. "
    "It is kept; we will try again in a moment."
)


@dataclass(frozen=True)
class MaintenanceState:
    retry_after: int
    since: str


class MaintenanceMode(Exception):
    """The platform is in maintenance mode (a readiness failure's name)."""


def _path() -> Path:
    return Path(settings.MAINTENANCE_FILE)


def maintenance_state() -> MaintenanceState | None:
    """The switch as it is now: None when off."""
    path = _path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        raw = ""
    try:
        data = json.loads(raw)
        retry_after = int(data["retry_after"])
        since = str(data.get("since", ""))
    except (ValueError, TypeError, KeyError):
        return MaintenanceState(retry_after=settings.MAINTENANCE_RETRY_AFTER, since="")
    return MaintenanceState(retry_after=max(1, retry_after), since=since)


def maintenance_start(*, retry_after: int | None = None) -> MaintenanceState:
    """Turn maintenance mode on (again: a second call only updates Retry-After)."""
    seconds = settings.MAINTENANCE_RETRY_AFTER if retry_after is None else retry_after
    if seconds < 1:
        raise ValueError("Retry-After must be at least 1 second.")
    state = MaintenanceState(retry_after=seconds, since=timezone.now().isoformat())
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside it and renamed: a reader sees the old file or the new one, never half.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".maintenance-")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump({"retry_after": state.retry_after, "since": state.since}, file)
    os.replace(temporary, path)
    return state


def maintenance_end() -> bool:
    """Turn maintenance mode off; False when it was not on."""
    try:
        _path().unlink()
    except FileNotFoundError:
        return False
    return True


def check_maintenance() -> None:
    """A readiness check: unready while maintenance mode is on."""
    if maintenance_state() is not None:
        raise MaintenanceMode


def maintenance_page(*, stylesheet: str | None, typed=(), back: str = "/") -> str:
    """The Dutch maintenance page, rendered without a request (it needs no database).

    nginx serves the same page (without the stylesheet, which only an app
    server can serve) when no app server answers: `manage.py maintenance export`.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "maintenance.html", {"stylesheet": stylesheet, "typed": typed, "back": back}
        )


def maintenance_json() -> dict:
    with translation.override(settings.LANGUAGE_CODE):
        return {"error": str(MAINTENANCE_MESSAGE), "retry": True, "maintenance": True}


def _unavailable(response, state: MaintenanceState):
    response["Retry-After"] = str(state.retry_after)
    # Expected while it is on: not an error line in the log for every request.
    response._has_been_logged = True
    return no_store(response)


class MaintenanceMiddleware:
    """503 with Retry-After for every request while maintenance mode is on (see module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        state = maintenance_state()
        # /healthz, /readyz and /metrics were answered before (OperationsMiddleware).
        if state is None:
            return self.get_response(request)
        if wants_json(request):
            return _unavailable(JsonResponse(maintenance_json(), status=503), state)
        page = maintenance_page(
            stylesheet=static("css/site.css"),
            typed=typed_texts(request),
            back=back_url(request),
        )
        return _unavailable(HttpResponse(page, status=503), state)
