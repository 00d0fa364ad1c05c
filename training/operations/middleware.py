"""Answers the operators' endpoints before any other middleware runs.

`/healthz` and `/readyz` (health.py) and `/metrics` (metrics.py) are for a
load balancer and a monitoring system, not for visitors: they skip sessions,
users, languages, the page cache, the HTTPS redirect and the host check, so
a probe costs what its checks cost and nothing else. Keep this middleware
first in MIDDLEWARE.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

from .health import readiness
from .metrics import count_response, metrics_response

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
METRICS_PATH = "/metrics"


def _json(data: dict, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status)
    add_never_cache_headers(response)
    return response


def healthz() -> JsonResponse:
    return _json({"status": "alive"})


def readyz() -> JsonResponse:
    ready, checks = readiness()
    return _json(
        {"status": "ready" if ready else "unready", "checks": checks},
        status=200 if ready else 503,
    )


class OperationsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info.rstrip("/") or "/"
        if request.method in ("GET", "HEAD"):
            if path == HEALTH_PATH:
                return healthz()
            if path == READY_PATH:
                return readyz()
            if path == METRICS_PATH:
                return metrics_response(request)
        response = self.get_response(request)
        count_response(request, response)
        return response
