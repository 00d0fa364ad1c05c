"""Health for a load balancer or an orchestrator: `/healthz` and `/readyz`.

- `/healthz` says the process is alive and answering: no database, cache or
  storage call, so a slow database never gets an app server restarted.
- `/readyz` says this app server can do its work now: the database answers
  and has every migration the code knows (no unapplied migration; the plan is
  kept per process for `READINESS_MIGRATIONS_CACHE_SECONDS`), the cache
  answers, every file storage but the static files takes a write and a delete
  of a tiny probe file, and at least one task worker has a heartbeat younger
  than `WORKER_STALE_AFTER_SECONDS`, and maintenance mode is off
  (maintenance.py: the load balancer sees it, /healthz stays alive). 200 when every check passes, 503 naming
  the checks that failed otherwise.

Both answer JSON with check names and "ok"/"fail" and, for a failure, the
exception's class name: never a row, a path of a learner's file or a message
that could hold personal data. `HealthMiddleware` (first in MIDDLEWARE)
answers them before any other middleware runs: no session, no user, no page
cache, no rate limit, no HTTPS redirect or host check (probes come from the
load balancer on the internal address).
"""

from __future__ import annotations

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from training.operations.maintenance import check_maintenance
from training.worker.models import WorkerHeartbeat
from training.worker.services import stale_after

PROBE_DIR = ".readyz"
_migrations_checked: dict[str, float | bool] = {"at": 0.0, "ok": False}


def _failure(error: BaseException) -> str:
    return f"fail: {type(error).__name__}"


def check_database() -> None:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def unapplied_migrations() -> list[tuple[str, str]]:
    """The migrations the code has and the database lacks (app label, name)."""
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    targets = executor.loader.graph.leaf_nodes()
    return [(m.app_label, m.name) for m, _backwards in executor.migration_plan(targets)]


def check_migrations(*, now: float | None = None) -> None:
    """No unapplied migration; a passing answer is kept per process for a short time."""
    now = time.monotonic() if now is None else now
    keep = settings.READINESS_MIGRATIONS_CACHE_SECONDS
    if _migrations_checked["ok"] and now - float(_migrations_checked["at"]) < keep:
        return
    _migrations_checked["ok"] = False
    pending = unapplied_migrations()
    if pending:
        raise MigrationsPending(len(pending))
    _migrations_checked.update(at=now, ok=True)


class MigrationsPending(Exception):
    """The database lacks migrations the code has (the message is their count only)."""


class NoLiveWorker(Exception):
    """No task worker has written a heartbeat within the stale limit."""


class CacheMismatch(Exception):
    """The cache did not give back what was just written to it."""


def check_cache() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    value = cache.get(key)
    cache.delete(key)
    if value != "1":
        raise CacheMismatch


def readiness_storages() -> list[str]:
    """Every configured storage the site writes to (all but the static files)."""
    return [alias for alias in settings.STORAGES if alias != "staticfiles"]


def check_storage(alias: str) -> None:
    storage = storages[alias]
    name = storage.save(f"{PROBE_DIR}/{uuid.uuid4().hex}.probe", ContentFile(b"ok"))
    storage.delete(name)


def check_workers() -> None:
    cutoff = timezone.now() - stale_after()
    if not WorkerHeartbeat.objects.filter(last_seen__gt=cutoff).exists():
        raise NoLiveWorker


def readiness() -> tuple[bool, dict[str, str]]:
    """Run every readiness check; (all passed, {check name: "ok" or "fail: <error class>"})."""
    checks = {
        "database": check_database,
        "migrations": check_migrations,
        "cache": check_cache,
        **{
            f"storage:{alias}": (lambda a=alias: check_storage(a)) for alias in readiness_storages()
        },
        "workers": check_workers,
        "maintenance": check_maintenance,
    }
    results = {}
    for name, check in checks.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure makes the server unready
            results[name] = _failure(error)
        else:
            results[name] = "ok"
    return all(value == "ok" for value in results.values()), results
