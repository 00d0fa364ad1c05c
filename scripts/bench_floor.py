#!/usr/bin/env python
"""What the floor's constant view does per request, on SQLite and on PostgreSQL (issue 25).

`scripts/bench_http.py` divides a constant 10 KB view's (`config.bench_urls`)
CPU per request by every page's. That floor ran at about half the speed on
SQLite as on PostgreSQL. This script counts, in-process through Django's own
WSGI handler (so the request_started/finished signals that open, check and
close database connections run as under gunicorn), per request of the
constant view: SQL statements, database connections opened, cache
operations, and CPU and wall milliseconds; with production's settings and
its default cache (the database cache), on each database:

- `before` (emulated, `as_before`): the content generation read as every
  request started, and every anonymous GET looked up in the page cache;
- `after`: as now, neither for a view that is not a Wagtail page;
- `signed in`: as now, with a learner's session cookie (bench_http.py's
  signed-in floor: the session and the user loaded, nothing else);
- `signed in, connection kept` (SQLite only): the same with the connection
  kept between requests (CONN_MAX_AGE 60, as production runs PostgreSQL),
  which shows what opening a SQLite connection per request costs.

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


def _environ(cookie: str = ""):
    return {
        "HTTP_COOKIE": cookie,
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


def measure(handler, cookie: str = "") -> dict:
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
            b"".join(handler(_environ(cookie), start_response))
        counts.update(queries=0, connections=0, cache=0)
        with connection.execute_wrapper(count_query):
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(REQUESTS):
                b"".join(handler(_environ(cookie), start_response))
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


def signed_in_cookie() -> str:
    """A learner's session cookie, as the signed-in floor of bench_http.py sends it."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    learner = get_user_model().objects.create_user(
        "floor@bench.example", password=None, display_name="Cursist Floor"
    )
    client = Client()
    client.force_login(learner)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


@contextmanager
def connection_kept():
    """SQLite as PostgreSQL runs: the connection kept between requests (CONN_MAX_AGE 60)."""
    from django.db import connection

    before = connection.settings_dict["CONN_MAX_AGE"]
    connection.settings_dict["CONN_MAX_AGE"] = 60
    try:
        yield
    finally:
        connection.settings_dict["CONN_MAX_AGE"] = before
        connection.close()


def child(database_url: str) -> None:
    bench_http.VAR.mkdir(parents=True, exist_ok=True)
    bench_http.database_reset(database_url)
    bench_http.django_setup(bench_http.bench_environment(database_url))
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    results = {}
    with as_before():
        before = WSGIHandler()
        results["before"] = measure(before)
    after = WSGIHandler()
    results["after"] = measure(after)
    with as_before():
        results["before again"] = measure(before)
    cookie = signed_in_cookie()
    connection.close()
    results["signed in"] = measure(after, cookie)
    if database_url.startswith("sqlite"):
        with connection_kept():
            results["signed in, connection kept"] = measure(after, cookie)
    print("RESULT " + json.dumps(results))


def main() -> None:
    if os.environ.get("BENCH_FLOOR_CHILD"):
        child(os.environ["BENCH_FLOOR_CHILD"])
        return
    # A file of its own: bench_http.py's scratch database may be in use.
    urls = {"SQLite": f"sqlite:///{bench_http.VAR / 'floor.sqlite3'}"}
    if os.environ.get("BENCH_DATABASE_URL"):
        urls["PostgreSQL"] = os.environ["BENCH_DATABASE_URL"]
    print(
        f"The constant view, {REQUESTS} requests in-process (WSGIHandler, production settings, "
        "its database cache), per request:"
    )
    print(
        f"{'database':<12}{'code':<28}{'SQL':>6}{'conns':>7}{'cache':>7}{'CPU ms':>8}{'wall ms':>9}"
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
                f"{engine:<12}{mode:<28}{row['queries']:>6.2f}{row['connections']:>7.2f}"
                f"{row['cache']:>7.2f}{row['cpu_ms']:>8.3f}{row['wall_ms']:>9.3f}"
            )


if __name__ == "__main__":
    main()
