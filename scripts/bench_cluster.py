#!/usr/bin/env python
"""Load on the cluster (`make bench-cluster`): the capacity curve and the L stress test.

Run inside `scripts/cluster.sh` (which exports the cluster's environment:
PostgreSQL, Redis, S3, two gunicorn app servers behind nginx over TLS):

    scripts/cluster.sh .venv/bin/python scripts/bench_cluster.py

Seeds the cluster's fresh database with bench.py's course, a reflection and
BENCH_CLUSTER_LEARNERS (1,000) learners with sessions, then:

1. **Capacity curve** (issue 25). The learner's evening below (`EVENING`) gives
   each request type's rate per concurrent learner. Requests are sent open-loop
   (Poisson arrivals, each by a random seeded learner's session) at offered
   rates that stand for a growing number of concurrent learners, each step for
   BENCH_CAPACITY_SECONDS (30; BENCH_QUICK: 10); printed per step: learners,
   requests/s, p50/p95/p99 and errors. The capacity is the largest number of
   learners whose step has p95 <= 150 ms and no error, divided by the cores
   the app servers run on (`os.cpu_count()`: on this machine nginx, PostgreSQL,
   Redis and the load generator share those cores, so the figure is low).
2. **Stress** (BENCH_STRESS=1, off by default): the M test's behaviour for
   every learner at once (every learner typing, an autosave each 5 s) for
   3 minutes (BENCH_QUICK: 30 s), as before: the worst case, not the model.

The learner's evening (per concurrent learner, per hour; sources in README
"Performance" → "Load model"): reading lessons of 5-15 minutes each (Moodle's
JMeter test plan gives each virtual user a think time between page views; a
lesson of about 600 words at 238 words a minute of silent reading, Brysbaert
2019, plus its exercises), so 6 lesson views an hour, each followed by "mark
done" (or a knowledge check answered: the same cost class, one write) and 2
dashboard visits; 15 minutes of the hour writing a reflection, whose editor
saves 3.0 times a minute of typing (`scripts/bench_autosave.py`, measured
with the real editor and a sourced typing model; 15.9 with the old 3-second
clock): 45 autosaves; one feedback page. 60 requests an hour, 0.017 a second,
per learner.
"""

from __future__ import annotations

import json
import os
import random
import resource
import ssl
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "scripts")]

import bench_http  # noqa: E402

LEARNERS = int(os.environ.get("BENCH_CLUSTER_LEARNERS", 1000))
TARGET_P95_MS = bench_http.LOAD_TARGET_P95_MS

#: Requests per concurrent learner per hour, by type (see the module docstring).
EVENING = {
    "lesson": 6,
    "mark done": 6,
    "dashboard": 2,
    "autosave": 45,
    "feedback page": 1,
}
PER_LEARNER_PER_SECOND = sum(EVENING.values()) / 3600
DEFAULT_STEPS = "250,500,1000,2000,4000,8000"


def _send(client, user, kind, state):
    """One request of `kind` by `user`'s session; (response, expected status)."""
    if kind == "lesson":
        lesson = user["lessons"][state["position"] % len(user["lessons"])]
        return client.request("GET", lesson["url"]), 200
    if kind == "mark done":
        lesson = user["lessons"][state["position"] % len(user["lessons"])]
        state["position"] += 1
        if lesson["check"]:  # answered by its check, not the button: a lesson view instead
            return client.request("GET", lesson["url"]), 200
        return client.request("POST", lesson["done"], body=b""), 302
    if kind == "dashboard":
        return client.request("GET", state["dashboard"]), 200
    if kind == "feedback page":
        return client.request("GET", state["feedback"]), 200
    state["words"] += 7
    body = json.dumps(
        {
            "text": "Ik luisterde en vatte samen. " * (1 + state["words"] // 7),
            "base_revision": state["revision"],
            "client_id": user["client_id"],
        }
    )
    response = client.request(
        "POST",
        user["autosave"],
        body=body,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    if response.status == 200:
        state["revision"] = response.json()["revision"]
    return response, 200


def capacity_step(base, users, data, *, learners, seconds, ssl_context, rng):
    """Open-loop Poisson arrivals at the rate of `learners` concurrent learners."""
    rate = learners * PER_LEARNER_PER_SECOND
    kinds, weights = list(EVENING), list(EVENING.values())
    recorder = bench_http.Recorder()
    # One session (and lock) per seeded user: a user's requests never overlap.
    sessions = [
        {
            "client": bench_http.Client(base, cookies=user["cookies"], ssl_context=ssl_context),
            "lock": threading.Lock(),
            "state": {
                "position": rng.randrange(len(user["lessons"])),
                "revision": user.get("revision", 0),
                "words": 0,
                "dashboard": data["dashboard"],
                "feedback": data.get("feedback", data["dashboard"]),
            },
            "user": user,
        }
        for user in users
    ]
    threads = []

    def fire(session, kind):
        with session["lock"]:
            try:
                response, expected = _send(
                    session["client"], session["user"], kind, session["state"]
                )
                recorder.record(kind, response, expected)
            except (bench_http.HTTPException, OSError) as error:
                recorder.record(kind, None, 0, note=type(error).__name__)

    stop = time.monotonic() + seconds
    next_at = time.monotonic()
    sent = 0
    while True:
        next_at += rng.expovariate(rate)
        if next_at >= stop:
            break
        time.sleep(max(0.0, next_at - time.monotonic()))
        session = rng.choice(sessions)
        kind = rng.choices(kinds, weights)[0]
        thread = threading.Thread(target=fire, args=(session, kind), daemon=True)
        thread.start()
        threads.append(thread)
        sent += 1
    for thread in threads:
        thread.join(timeout=60)
    for session in sessions:
        session["client"].close()
    times = [ms for values in recorder.times.values() for ms in values]
    errors = sum(recorder.errors.values())
    p = [bench_http.percentile(times, q) for q in (50, 95, 99)] if times else [float("nan")] * 3
    return {
        "learners": learners,
        "rate": sent / seconds,
        "p": p,
        "errors": errors,
        "samples": recorder.error_samples,
    }


def capacity_curve(base, users, data, *, ssl_context):
    steps = [int(n) for n in os.environ.get("BENCH_CAPACITY_STEPS", DEFAULT_STEPS).split(",")]
    seconds = float(os.environ.get("BENCH_CAPACITY_SECONDS", 10 if bench_http.QUICK else 30))
    cores = os.cpu_count() or 1
    rng = random.Random(25)
    # Warm up: every app server worker fills its content caches (outline, bodies, routes).
    warm = bench_http.Client(base, cookies=users[0]["cookies"], ssl_context=ssl_context)
    for _ in range(4):
        for lesson in users[0]["lessons"]:
            warm.request("GET", lesson["url"])
        warm.request("GET", data["dashboard"])
    warm.close()
    print(
        f"\nCapacity curve: the learner's evening ({sum(EVENING.values())} requests an hour per "
        f"learner: {', '.join(f'{k} {v}' for k, v in EVENING.items())}), open-loop, "
        f"{seconds:.0f} s a step, {len(users)} sessions"
    )
    print(f"{'learners':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    best = 0
    for learners in steps:
        row = capacity_step(
            base, users, data, learners=learners, seconds=seconds, ssl_context=ssl_context, rng=rng
        )
        p50, p95, p99 = row["p"]
        print(
            f"{learners:>9}{row['rate']:>8.1f}{p50:>9.0f}{p95:>9.0f}{p99:>9.0f}{row['errors']:>8}"
        )
        for sample in row["samples"][:3]:
            print(f"  error: {sample}")
        if p95 <= TARGET_P95_MS and row["errors"] == 0:
            best = learners
        else:
            break  # past the knee: the next steps only queue longer
    print(
        f"Largest passing step: {best} concurrent learners (p95 <= {TARGET_P95_MS} ms, 0 errors) "
        f"on {cores} cores shared by everything: {best / cores:.0f} learners per core."
    )
    return best


def main():
    if "CLUSTER_URL" not in os.environ:
        raise SystemExit("Run this inside scripts/cluster.sh (make bench-cluster).")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 8192)), hard))
    # Read before seeding: importing bench.py (the seed does) points DATABASE_URL at its
    # scratch SQLite file, which left the PostgreSQL sampler below silently off.
    database_url = os.environ["DATABASE_URL"]
    import django

    django.setup()
    started = time.perf_counter()
    data = bench_http.seed(learners=LEARNERS)
    from django.urls import reverse

    data["feedback"] = reverse("reflections:my_feedback")
    print(
        f"Cluster seeded: a course of 60 lessons, {len(data['users'])} signed-in learners "
        f"({time.perf_counter() - started:.0f} s)."
    )
    context = ssl.create_default_context(cafile=os.environ["CLUSTER_CA"])
    capacity_curve(os.environ["CLUSTER_URL"], data["users"], data, ssl_context=context)
    if os.environ.get("BENCH_STRESS", "") not in ("", "0"):
        seconds = 30 if bench_http.QUICK else 180
        with bench_http.pg_activity_sampler(database_url):
            bench_http.load_test(
                os.environ["CLUSTER_URL"],
                data["users"],
                seconds=seconds,
                ssl_context=context,
                label="L stress, every learner typing at once "
                "(cluster: nginx, 2 app servers x 2 workers, PostgreSQL, Redis)",
            )


if __name__ == "__main__":
    main()
