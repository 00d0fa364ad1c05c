#!/usr/bin/env python
"""Profiles of the pages `make bench` measures (cProfile, in-process, production settings).

Builds the same scratch site as scripts/bench_http.py (its own SQLite file),
then runs each page a number of times under cProfile through Django's test
client and prints the top functions by cumulative and by own time, with
the SQL queries per request. For finding what stands between a page and
its floor ratio; not part of `make bench`.

    .venv/bin/python scripts/bench_profile.py [PAGE ...]   (default: every page)
"""

import cProfile
import io
import json
import os
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts")]

import bench_http  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_PROFILE_REQUESTS", 50))


def main(names):
    bench_http.VAR.mkdir(parents=True, exist_ok=True)
    database = bench_http.VAR / "profile.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    env = bench_http.bench_environment(f"sqlite:///{database}")
    bench_http.django_setup(env)
    data = bench_http.seed(learners=8)

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    learner = Client(HTTP_HOST="127.0.0.1")
    for name, value in data["users"][0]["cookies"].items():
        learner.cookies[name] = value
    revision = {"n": 0}

    def autosave(client):
        response = client.post(
            data["users"][0]["autosave"],
            json.dumps(
                {
                    "text": f"Ik hoorde wat zij zei. {revision['n']}",
                    "base_revision": revision["n"],
                    "client_id": data["users"][0]["client_id"],
                }
            ),
            content_type="application/json",
            HTTP_ACCEPT="application/json",
            HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
        )
        assert response.status_code == 200, response.content
        revision["n"] = response.json()["revision"]

    learner.cookies["csrftoken"] = "a" * 32
    pages = {
        "home": (Client(HTTP_HOST="127.0.0.1"), lambda c: c.get(data["home"])),
        "lesson-anonymous": (Client(HTTP_HOST="127.0.0.1"), lambda c: c.get(data["lesson"])),
        "lesson-learner": (learner, lambda c: c.get(data["lesson"])),
        "dashboard": (learner, lambda c: c.get(data["dashboard"])),
        "verify": (Client(HTTP_HOST="127.0.0.1"), lambda c: c.get(data["verify"])),
        "autosave": (learner, autosave),
    }
    for name in names or pages:
        client, send = pages[name]
        for _ in range(3):
            send(client)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            send(client)
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(REQUESTS):
            send(client)
        profile.disable()
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        total = stats.total_tt / REQUESTS * 1000
        print(f"\n=== {name}: {total:.1f} ms per request (profiled), {len(queries)} queries")
        for query in queries.captured_queries:
            print(f"    {query['sql'][:150]}")
        stats.sort_stats("cumulative").print_stats(
            r"training/|site/home|wagtail/models|wagtail/views|sessions|allauth|csrf|cache", 30
        )
        stats.sort_stats("tottime").print_stats(12)
        print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[:12000])


if __name__ == "__main__":
    main(sys.argv[1:])
