"""Prometheus metrics: requests per view (django-prometheus) and the platform's own numbers.

Two kinds, chosen for several gunicorn workers:

- **Request rates and latencies per view** come from django-prometheus's
  middleware (`django_http_*`), counted in each process. With more than one
  gunicorn worker set `PROMETHEUS_MULTIPROC_DIR` to an empty directory
  (gunicorn.conf.py clears it at start and drops a finished worker's files):
  prometheus_client's multiprocess mode then adds up every worker's counts,
  whichever worker answers the scrape. Without it, each scrape sees only the
  process that answers it. The two counters below (`lotgenoot_draft_saves_refused_total`,
  `lotgenoot_throttled_total`) are of this kind too.
- **The platform's state** is read from the database at scrape time
  (`PlatformCollector`): the same numbers from any process, so they need no
  multiprocess mode. Aggregates only (counts, ages, queue and task names,
  worker ids): no row of a learner, no name, no text.

`/metrics` is answered by OperationsMiddleware (first in the stack) only to
`Authorization: Bearer $METRICS_TOKEN`; without a token configured, only to
a client on the loopback address that did not come through a proxy (no
X-Forwarded-For). Anyone else gets 403 (a token is set) or 404.
"""

from __future__ import annotations

import hmac
import ipaddress
import os

import prometheus_client
from django.conf import settings
from django.db.models import Count, Min, Q
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseNotFound
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from prometheus_client import CollectorRegistry, Counter, multiprocess
from prometheus_client.core import GaugeMetricFamily

from training.certificates.models import Certificate
from training.worker.models import WorkerHeartbeat
from training.worker.services import stale_after

DRAFT_NAMESPACE = "reflections"
REFUSAL_REASONS = {400: "invalid", 409: "conflict", 413: "too_large"}

draft_saves_refused = Counter(
    "lotgenoot_draft_saves_refused",
    "Learners' reflection saves (autosave or form) answered 409 (conflict with a newer "
    "save), 400 (refused input) or 413 (too long).",
    ["reason"],
)
throttled = Counter(
    "lotgenoot_throttled",
    "Requests answered 429 (rate limited), by view; view=account_login: sign-in throttles.",
    ["view"],
)


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return "<unresolved>"
    return match.view_name or "<unnamed view>"


def count_response(request, response) -> None:
    """Count the responses an operator alerts on (cheap: an int comparison for most)."""
    status = response.status_code
    if status == 429:
        throttled.labels(view=_view_name(request)).inc()
    elif (
        status in REFUSAL_REASONS
        and request.method == "POST"
        and _view_name(request).startswith(f"{DRAFT_NAMESPACE}:")
    ):
        draft_saves_refused.labels(reason=REFUSAL_REASONS[status]).inc()


class PlatformCollector:
    """Gauges read from the database at scrape time, aggregates only (a few small queries)."""

    def collect(self):
        now = timezone.now()
        yield from self._tasks(now)
        yield from self._workers(now)
        yield from self._certificates()

    def _tasks(self, now):
        by_status = GaugeMetricFamily(
            "lotgenoot_tasks",
            "Task results in django-tasks-db's table, by queue and status.",
            labels=["queue", "status"],
        )
        for row in DBTaskResult.objects.values("queue_name", "status").annotate(n=Count("id")):
            by_status.add_metric([row["queue_name"], row["status"]], row["n"])
        yield by_status

        depth = GaugeMetricFamily(
            "lotgenoot_task_queue_depth",
            "Tasks ready to run now (not scheduled for later), by queue.",
            labels=["queue"],
        )
        oldest = GaugeMetricFamily(
            "lotgenoot_task_oldest_ready_age_seconds",
            "Seconds the longest-waiting ready task has been ready to run, by queue.",
            labels=["queue"],
        )
        never = get_date_max()
        ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY).filter(
            Q(run_after=never) | Q(run_after__lte=now)
        )
        rows = ready.values("queue_name").annotate(
            n=Count("id"),
            enqueued=Min("enqueued_at", filter=Q(run_after=never)),
            due=Min("run_after", filter=Q(run_after__lte=now)),
        )
        for row in rows:
            since = min(t for t in (row["enqueued"], row["due"]) if t is not None)
            depth.add_metric([row["queue_name"]], row["n"])
            oldest.add_metric([row["queue_name"]], max(0.0, (now - since).total_seconds()))
        yield depth
        yield oldest

        failed = GaugeMetricFamily(
            "lotgenoot_tasks_failed",
            "Failed task results still kept (TASK_RESULTS_KEEP_DAYS), by queue and task.",
            labels=["queue", "task"],
        )
        rows = (
            DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
            .values("queue_name", "task_path")
            .annotate(n=Count("id"))
        )
        for row in rows:
            failed.add_metric([row["queue_name"], row["task_path"]], row["n"])
        yield failed

    def _workers(self, now):
        age = GaugeMetricFamily(
            "lotgenoot_worker_heartbeat_age_seconds",
            "Seconds since each task worker last wrote its heartbeat.",
            labels=["worker"],
        )
        live = 0
        for worker_id, last_seen in WorkerHeartbeat.objects.values_list("worker_id", "last_seen"):
            seconds = max(0.0, (now - last_seen).total_seconds())
            age.add_metric([worker_id], seconds)
            live += seconds < stale_after().total_seconds()
        yield age
        yield GaugeMetricFamily(
            "lotgenoot_workers_live",
            "Task workers whose heartbeat is younger than WORKER_STALE_AFTER_SECONDS.",
            value=live,
        )

    def _certificates(self):
        counts = Certificate.objects.aggregate(
            issued=Count("id"),
            revoked=Count("id", filter=Q(revoked_at__isnull=False)),
            pdf_pending=Count("id", filter=Q(pdf_sha256="")),
        )
        yield GaugeMetricFamily(
            "lotgenoot_certificates_issued",
            "Certificates issued (every period of every learner, revoked ones included).",
            value=counts["issued"],
        )
        yield GaugeMetricFamily(
            "lotgenoot_certificates_revoked", "Certificates revoked.", value=counts["revoked"]
        )
        yield GaugeMetricFamily(
            "lotgenoot_certificates_pdf_pending",
            "Certificates whose PDF is not rendered and stored yet.",
            value=counts["pdf_pending"],
        )


def _process_registry():
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return prometheus_client.REGISTRY


def metrics_text() -> bytes:
    platform = CollectorRegistry(auto_describe=False)
    platform.register(PlatformCollector())
    return prometheus_client.generate_latest(_process_registry()) + (
        prometheus_client.generate_latest(platform)
    )


def _from_loopback(request) -> bool:
    if request.META.get("HTTP_X_FORWARDED_FOR"):
        return False  # came through a proxy: the proxy is on loopback, the client is not
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


def metrics_response(request) -> HttpResponse:
    token = settings.METRICS_TOKEN
    if token:
        given = request.META.get("HTTP_AUTHORIZATION", "")
        scheme, _space, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.encode(), token.encode()):
            return HttpResponseForbidden(b"", content_type="text/plain")
    elif not _from_loopback(request):
        return HttpResponseNotFound(b"", content_type="text/plain")
    response = HttpResponse(metrics_text(), content_type=prometheus_client.CONTENT_TYPE_LATEST)
    add_never_cache_headers(response)
    return response
