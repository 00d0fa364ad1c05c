#!/usr/bin/env python
"""CPU per request of a signed-in learner's pages against the constant view (issue 25).

`bench_http.py` measures requests/s through gunicorn with a client on the
same two cores, which on a shared machine mostly measures the client. This
script measures what the server spends: in-process through Django's own
WSGIHandler (the full middleware stack, request_started/finished signals and
all), production settings and its default cache (the database cache), the
scratch site of `bench_http.seed`. Pages are run in interleaved rounds; per
page it prints the median CPU ms per request over the rounds, the SQL
statements and cache operations per request, and the ratio floor/page
(1.0 = costs no more than the constant view; issue 25 asks ≥ 0.5).

    .venv/bin/python scripts/bench_personal.py                     (SQLite)
    scripts/with-postgres.sh sh -c 'BENCH_DATABASE_URL=${DATABASE_URL}_fastbench
        .venv/bin/python scripts/bench_personal.py'                 (both)
    BENCH_PERSONAL_PROFILE=dashboard …   cProfile of one page (top functions)
    BENCH_PERSONAL_PAGES=dashboard,autosave   those pages only (and the floor)
    BENCH_LESSONS_PER_MODULE=100          a course of 300 lessons (bench.py's; default 60)
    BENCH_PERSONAL_SQL=1                  the SQL of one request of each page
    BENCH_PERSONAL_REQUESTS=300 BENCH_PERSONAL_ROUNDS=5              (defaults)
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts")]

import bench_http  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_PERSONAL_REQUESTS", 300))
ROUNDS = int(os.environ.get("BENCH_PERSONAL_ROUNDS", 5))
PROFILE = os.environ.get("BENCH_PERSONAL_PROFILE", "")
VAR = ROOT / "var" / "bench-personal"
FLOOR = "constant"
ONLY = [name for name in os.environ.get("BENCH_PERSONAL_PAGES", "").split(",") if name]
SHOW_SQL = os.environ.get("BENCH_PERSONAL_SQL", "") not in ("", "0")


def _environ(method, path, *, cookies=None, body=b"", headers=None):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
    }
    if cookies:
        environ["HTTP_COOKIE"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body:
        environ["CONTENT_LENGTH"] = str(len(body))
    environ.update(headers or {})
    return environ


class Counters:
    """SQL statements and cache operations (the outer call only) while counting."""

    def __init__(self):
        self.queries = self.cache = 0
        self.show = False

    def install(self):
        from django.core.cache import caches

        backend = type(caches["default"])
        depth = [0]
        for name in ("get", "get_many", "set", "set_many", "add", "incr", "delete", "touch"):
            original = getattr(backend, name)

            def wrapped(this, *args, _original=original, **kwargs):
                if depth[0] == 0:
                    self.cache += 1
                depth[0] += 1
                try:
                    return _original(this, *args, **kwargs)
                finally:
                    depth[0] -= 1

            setattr(backend, name, wrapped)

    def query(self, execute, sql, params, many, context):
        self.queries += 1
        if self.show:
            print(f"    SQL {sql[:160]}", file=sys.stderr)
        return execute(sql, params, many, context)


def pages(data) -> dict:
    user = data["users"][0]
    cookies = {**user["cookies"], "csrftoken": "a" * 32}
    revision = {"n": 0}

    def autosave():
        revision["n"] += 1  # each save changes the text: a real write, not the no-op
        body = json.dumps(
            {
                "text": f"Ik hoorde wat zij zei. Poging {revision['n']}.",
                "base_revision": revision.get("seen", 0),
                "client_id": user["client_id"],
            }
        ).encode()
        return _environ(
            "POST",
            user["autosave"],
            cookies=cookies,
            body=body,
            headers={
                "CONTENT_TYPE": "application/json",
                "HTTP_ACCEPT": "application/json",
                "HTTP_X_CSRFTOKEN": "a" * 32,
            },
        )

    def seen(content):
        revision["seen"] = json.loads(content)["revision"]

    return {
        FLOOR: (lambda: _environ("GET", "/__bench__/constant/"), None),
        "lesson (learner)": (lambda: _environ("GET", data["lesson"], cookies=cookies), None),
        "dashboard": (lambda: _environ("GET", data["dashboard"], cookies=cookies), None),
        "verification": (lambda: _environ("GET", data["verify"]), None),
        "autosave": (autosave, seen),
    }


def run(handler, make_environ, after, n):
    status = []

    def start_response(code, headers, exc_info=None):
        status.append(code)

    for _ in range(n):
        content = b"".join(handler(make_environ(), start_response))
        if after is not None:
            after(content)
    assert all(code.startswith("200") for code in status), (set(status), content[:300])


def child(database_url: str) -> None:
    VAR.mkdir(parents=True, exist_ok=True)
    if database_url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database_url.removeprefix('sqlite:///')}{suffix}").unlink(missing_ok=True)
    else:
        bench_http.database_reset(database_url)
    bench_http.django_setup(bench_http.bench_environment(database_url))
    data = bench_http.seed(learners=8)

    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    handler = WSGIHandler()
    counters = Counters()
    counters.install()
    table = pages(data)
    if ONLY:
        table = {name: row for name, row in table.items() if name == FLOOR or name in ONLY}
    for make_environ, after in table.values():  # warm up
        run(handler, make_environ, after, 30)
    results = {name: {"cpu": []} for name in table}
    for name, (make_environ, after) in table.items():
        if SHOW_SQL:
            print(f"--- {name}", file=sys.stderr)
            counters.show = True
            with connection.execute_wrapper(counters.query):
                run(handler, make_environ, after, 1)
            counters.show = False
        counters.queries = counters.cache = 0
        with connection.execute_wrapper(counters.query):
            run(handler, make_environ, after, 10)
        results[name].update(queries=counters.queries / 10, cache=counters.cache / 10)
    for _ in range(ROUNDS):
        for name, (make_environ, after) in table.items():
            cpu = time.process_time()
            run(handler, make_environ, after, REQUESTS)
            results[name]["cpu"].append((time.process_time() - cpu) * 1000 / REQUESTS)
    if PROFILE:
        make_environ, after = table[PROFILE]
        profile = cProfile.Profile()
        profile.enable()
        run(handler, make_environ, after, REQUESTS)
        profile.disable()
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("cumulative").print_stats(60)
        stats.sort_stats("tottime").print_stats(25)
        print(out.getvalue(), file=sys.stderr)
    print("RESULT " + json.dumps(results))


def main() -> None:
    if os.environ.get("BENCH_PERSONAL_CHILD"):
        child(os.environ["BENCH_PERSONAL_CHILD"])
        return
    urls = {"SQLite": f"sqlite:///{VAR / 'bench.sqlite3'}"}
    if os.environ.get("BENCH_DATABASE_URL"):
        urls["PostgreSQL"] = os.environ["BENCH_DATABASE_URL"]
    print(
        f"CPU per request, in-process (WSGIHandler, production settings, database cache), "
        f"median of {ROUNDS} interleaved rounds of {REQUESTS}:"
    )
    print(f"{'database':<12}{'page':<18}{'SQL':>6}{'cache':>7}{'CPU ms':>8}{'floor/page':>12}")
    for engine, url in urls.items():
        out = subprocess.run(
            [sys.executable, __file__],
            env={**os.environ, "BENCH_PERSONAL_CHILD": url},
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
        results = json.loads(
            next(line for line in out.splitlines() if line.startswith("RESULT "))[7:]
        )
        floor = statistics.median(results[FLOOR]["cpu"])
        for name, row in results.items():
            cpu = statistics.median(row["cpu"])
            print(
                f"{engine:<12}{name:<18}{row['queries']:>6.1f}{row['cache']:>7.1f}"
                f"{cpu:>8.2f}{floor / cpu:>12.3f}"
            )


if __name__ == "__main__":
    main()
