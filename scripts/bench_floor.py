#!/usr/bin/env python
"""What the floor's constant view does per request, on SQLite and on PostgreSQL (issue 25).

`scripts/bench_http.py` divides every page's requests/s by those of a constant
10 KB view (`config.bench_urls`). That floor ran at about half the speed on
SQLite as on PostgreSQL. This script counts, in-process through Django's own
WSGI handler (so the request_started/finished signals that open, check and
close database connections run as under gunicorn), per request of the
constant view: SQL statements, database connections opened, cache
operations, and CPU and wall milliseconds; with production's settings and
its default cache (the database cache), on each database:

- `before` (emulated, `as_before`): the content generation read as every
  request started, and every anonymous GET looked up in the page cache;
- `after`: as now, neither for a view that is not a Wagtail page.

    .venv/bin/python scripts/bench_floor.py                      (SQLite only)
    BENCH_DATABASE_URL=postgres://…/lotgenoot_bench … scripts/bench_floor.py
    scripts/with-postgres.sh sh -c 'BENCH_DATABASE_URL=$(echo $DATABASE_URL)_bench
        .venv/bin/python scripts/bench_floor.py'          (both, as in the README)
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts")]

import bench_http  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_FLOOR_REQUESTS", 2000))
PATH = "/__bench__/constant/"


def _environ():
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": PATH,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }


@contextmanager
def as_before():
    """The constant view's path as it was before issue 25's changes: the content
    generation read as each request started (ContentRequestMiddleware), and every
    anonymous GET looked up in the page cache (AnonymousPageCacheMiddleware), a
    Wagtail page or not. Handlers built inside keep the page-cache lookup."""
    from django.core.cache import cache

    from training.courses import content_cache, page_cache, routing

    lazy = content_cache.generation_pinned
    process_view = page_cache.AnonymousPageCacheMiddleware.process_view

    @contextmanager
    def eager():
        with lazy():
            content_cache.content_generation()
            yield

    def lookup_everything(self, request, view_func, view_args, view_kwargs):
        if getattr(request, page_cache.CANDIDATE_ATTRIBUTE, False):
            entry = cache.get(page_cache.page_cache_key(request))
            if entry is not None:
                return page_cache._replay(request, entry)
        return None

    routing.generation_pinned = eager
    page_cache.AnonymousPageCacheMiddleware.process_view = lookup_everything
    try:
        yield
    finally:
        routing.generation_pinned = lazy
        page_cache.AnonymousPageCacheMiddleware.process_view = process_view


def measure(handler) -> dict:
    from django.core.cache import caches
    from django.db import connection
    from django.db.backends.signals import connection_created

    counts = {"queries": 0, "connections": 0, "cache": 0}

    def count_query(execute, sql, params, many, context):
        counts["queries"] += 1
        return execute(sql, params, many, context)

    def count_connection(**kwargs):
        counts["connections"] += 1

    backend = caches["default"]
    originals = {}
    depth = [0]  # the database cache's get() calls its get_many(): count the outer call only
    for name in ("get", "get_many", "set", "add", "incr", "delete", "touch", "has_key"):
        original = getattr(type(backend), name)
        originals[name] = original

        def wrapped(self, *args, _original=original, **kwargs):
            if depth[0] == 0:
                counts["cache"] += 1
            depth[0] += 1
            try:
                return _original(self, *args, **kwargs)
            finally:
                depth[0] -= 1

        setattr(type(backend), name, wrapped)
    connection_created.connect(count_connection)
    status = []

    def start_response(code, headers, exc_info=None):
        status.append(code)

    try:
        for _ in range(50):  # warm up
            b"".join(handler(_environ(), start_response))
        counts.update(queries=0, connections=0, cache=0)
        with connection.execute_wrapper(count_query):
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(REQUESTS):
                b"".join(handler(_environ(), start_response))
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        connection_created.disconnect(count_connection)
        for name, original in originals.items():
            setattr(type(backend), name, original)
    assert all(code.startswith("200") for code in status), set(status)
    return {
        **{key: value / REQUESTS for key, value in counts.items()},
        "cpu_ms": cpu * 1000 / REQUESTS,
        "wall_ms": wall * 1000 / REQUESTS,
    }


def child(database_url: str) -> None:
    bench_http.VAR.mkdir(parents=True, exist_ok=True)
    bench_http.database_reset(database_url)
    bench_http.django_setup(bench_http.bench_environment(database_url))
    from django.core.handlers.wsgi import WSGIHandler

    results = {}
    with as_before():
        before = WSGIHandler()
        results["before"] = measure(before)
    results["after"] = measure(WSGIHandler())
    with as_before():
        results["before again"] = measure(before)
    print("RESULT " + json.dumps(results))


def main() -> None:
    if os.environ.get("BENCH_FLOOR_CHILD"):
        child(os.environ["BENCH_FLOOR_CHILD"])
        return
    urls = {"SQLite": f"sqlite:///{bench_http.VAR / 'bench.sqlite3'}"}
    if os.environ.get("BENCH_DATABASE_URL"):
        urls["PostgreSQL"] = os.environ["BENCH_DATABASE_URL"]
    print(
        f"The constant view, {REQUESTS} requests in-process (WSGIHandler, production settings, "
        "its database cache), per request:"
    )
    print(
        f"{'database':<12}{'code':<13}{'SQL':>6}{'conns':>7}{'cache':>7}{'CPU ms':>8}{'wall ms':>9}"
    )
    for engine, url in urls.items():
        out = subprocess.run(
            [sys.executable, __file__],
            env={**os.environ, "BENCH_FLOOR_CHILD": url},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results = json.loads(
            next(line for line in out.splitlines() if line.startswith("RESULT "))[7:]
        )
        for mode, row in results.items():
            print(
                f"{engine:<12}{mode:<13}{row['queries']:>6.2f}{row['connections']:>7.2f}"
                f"{row['cache']:>7.2f}{row['cpu_ms']:>8.3f}{row['wall_ms']:>9.3f}"
            )


if __name__ == "__main__":
    main()
