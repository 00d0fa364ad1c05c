#!/usr/bin/env python
"""Load on the cluster (`make bench-cluster`): the capacity curve and the stress figure.

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
   requests/s, p50/p95/p99, errors, and the cores each server used (CPU
   seconds per second from /proc, `scripts/server_cpu.py`: app servers,
   PostgreSQL, Redis, nginx). The capacity is the largest number of learners
   whose step has p95 <= 150 ms and no error, per core two ways: over every
   core of the machine (`os.cpu_count()`; nginx, PostgreSQL, Redis and the load
   generator share them, so a lower bound), and over the app-server cores that
   step used (learners per app-server core). Each step also prints learners per
   app-server core by CPU alone (learners ÷ app cores used): what a core carries
   when nothing else queues for it. BENCH_CAPACITY_PAST_KNEE=1 measures every
   step instead of stopping at the first that fails.
2. **Stress figure**, after the curve (BENCH_STRESS=0 leaves it out): the same
   search with every learner typing at once (`TYPING`: an autosave after each
   pause in typing, 3.0 a minute); the worst case, not the model.
3. BENCH_L_TEST=1: the old L test (every learner autosaving each 5 s, closed
   loop) for 3 minutes (BENCH_QUICK: 30 s).

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
import server_cpu  # noqa: E402

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
#: The worst case, the stress figure: every learner typing at once. The editor saves
#: after each pause in typing: 3.0 saves a minute of typing (scripts/bench_autosave.py).
TYPING = {"autosave": 180}
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


def capacity_step(
    base, users, data, *, learners, seconds, ssl_context, rng, model=EVENING, meter=None
):
    """Open-loop Poisson arrivals at the rate of `learners` concurrent learners of `model`."""
    rate = learners * sum(model.values()) / 3600
    kinds, weights = list(model), list(model.values())
    recorder = bench_http.Recorder()
    # One session (and lock) per seeded user: a user's requests never overlap.
    sessions = [
        {
            "client": bench_http.Client(base, cookies=user["cookies"], ssl_context=ssl_context),
            "lock": threading.Lock(),
            "state": {
                "position": rng.randrange(len(user["lessons"])),
                "revision": user.get("revision", 0),
                "words": user.get("words", 0),
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

    if meter is not None:
        meter.start()
    started = time.monotonic()
    stop = started + seconds
    next_at = started
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
    # Cores each server used: its CPU seconds over the step's wall time, queue drained.
    elapsed = time.monotonic() - started
    cores_used = {k: v / elapsed for k, v in meter.stop().items()} if meter is not None else {}
    for session in sessions:
        # Each learner's editor carries on from the revision it saw last (next step, stress).
        session["user"]["revision"] = session["state"]["revision"]
        session["user"]["words"] = session["state"]["words"]
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
        "cores": cores_used,
    }


def passes(row: dict) -> bool:
    return row["p"][1] <= TARGET_P95_MS and row["errors"] == 0


def per_core(best: dict | None, cpu_count: int) -> tuple[float, float | None]:
    """Learners per core at the largest passing step: over every core of the machine
    (shared with nginx, PostgreSQL, Redis and the load generator: a lower bound),
    and over the app-server cores that step used (CPU seconds per second)."""
    if best is None:
        return 0.0, None
    app = best["cores"].get("app")
    return best["learners"] / cpu_count, (best["learners"] / app if app else None)


def search(title, model, base, users, data, *, ssl_context, meter=None, steps=None):
    """Steps of growing learners until p95 > 150 ms or an error; prints the curve."""
    steps = steps or [
        int(n) for n in os.environ.get("BENCH_CAPACITY_STEPS", DEFAULT_STEPS).split(",")
    ]
    seconds = float(os.environ.get("BENCH_CAPACITY_SECONDS", 10 if bench_http.QUICK else 30))
    cores = os.cpu_count() or 1
    rng = random.Random(25)
    print(f"\n{title}, open-loop, {seconds:.0f} s a step, {len(users)} sessions")
    groups = list(meter.groups) if meter is not None else []
    print(
        f"{'learners':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
        + ("   cores used: " + " ".join(f"{g:>6}" for g in groups) if groups else "")
        + ("  learners/app core" if "app" in groups else "")
    )
    # BENCH_CAPACITY_PAST_KNEE=1 measures every step (the CPU a learner costs, on a
    # machine whose other load decides the latencies); the capacity is still the
    # largest step before the first that fails.
    past_knee = os.environ.get("BENCH_CAPACITY_PAST_KNEE", "") not in ("", "0")
    best, failed = None, False
    for learners in steps:
        row = capacity_step(
            base,
            users,
            data,
            learners=learners,
            seconds=seconds,
            ssl_context=ssl_context,
            rng=rng,
            model=model,
            meter=meter,
        )
        p50, p95, p99 = row["p"]
        line = (
            f"{learners:>9}{row['rate']:>8.1f}{p50:>9.0f}{p95:>9.0f}{p99:>9.0f}{row['errors']:>8}"
        )
        if groups:
            line += (
                "   "
                + " " * len("cores used: ")
                + " ".join(f"{row['cores'].get(g, 0):>6.2f}" for g in groups)
            )
        if row["cores"].get("app"):
            line += f"{learners / row['cores']['app']:>19.0f}"
        print(line)
        for sample in row["samples"][:3]:
            print(f"  error: {sample}")
        if not passes(row):
            failed = True
            if not past_knee:
                break  # past the knee: the next steps only queue longer
        elif not failed:
            best = row
    machine, app = per_core(best, cores)
    learners = best["learners"] if best else 0
    print(
        f"Largest passing step: {learners} concurrent learners (p95 <= {TARGET_P95_MS} ms, 0 errors)"
        f" on {cores} cores shared by everything: {machine:.0f} learners per core"
        + (
            f"; the app servers used {best['cores']['app']:.2f} cores there: "
            f"{app:.0f} learners per app-server core."
            if app
            else "."
        )
    )
    return best


def capacity_curve(base, users, data, *, ssl_context, meter=None):
    # Warm up: every app server worker fills its content caches (outline, bodies, routes).
    warm = bench_http.Client(base, cookies=users[0]["cookies"], ssl_context=ssl_context)
    for _ in range(4):
        for lesson in users[0]["lessons"]:
            warm.request("GET", lesson["url"])
        warm.request("GET", data["dashboard"])
    warm.close()
    return search(
        f"Capacity curve: the learner's evening ({sum(EVENING.values())} requests an hour per "
        f"learner: {', '.join(f'{k} {v}' for k, v in EVENING.items())})",
        EVENING,
        base,
        users,
        data,
        ssl_context=ssl_context,
        meter=meter,
    )


def stress_curve(base, users, data, *, ssl_context, meter=None):
    return search(
        f"Stress: every learner typing at once ({TYPING['autosave']} autosaves an hour per "
        "learner, one after every pause in typing, as the editor saves)",
        TYPING,
        base,
        users,
        data,
        ssl_context=ssl_context,
        meter=meter,
    )


def cluster_meter() -> server_cpu.CpuMeter | None:
    """The cluster's servers by the pid files scripts/cluster.sh writes: both app
    servers (masters and workers), PostgreSQL (the postmaster and every backend),
    Redis and nginx."""
    directory = Path(os.environ.get("CLUSTER_DIR", ""))

    def pid(name):
        try:
            return int((directory / name).read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return 0

    if not pid("app1.pid"):
        return None
    return server_cpu.CpuMeter(
        {
            "app": server_cpu.descendants(pid("app1.pid"), pid("app2.pid")),
            "db": server_cpu.descendants(pid("pg/postmaster.pid")),
            "cache": server_cpu.descendants(pid("redis.pid")),
            "nginx": server_cpu.descendants(pid("nginx.pid")),
        }
    )


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
    base = os.environ["CLUSTER_URL"]
    meter = cluster_meter()
    capacity_curve(base, data["users"], data, ssl_context=context, meter=meter)
    if os.environ.get("BENCH_STRESS", "1") not in ("", "0"):
        stress_curve(base, data["users"], data, ssl_context=context, meter=meter)
    if os.environ.get("BENCH_L_TEST", "") not in ("", "0"):
        seconds = 30 if bench_http.QUICK else 180
        with bench_http.pg_activity_sampler(database_url):
            bench_http.load_test(
                base,
                data["users"],
                seconds=seconds,
                ssl_context=context,
                label="L, every learner autosaving each 5 s (the old 3-second editor's order)"
                " (cluster: nginx, 2 app servers x 2 workers, PostgreSQL, Redis)",
            )


if __name__ == "__main__":
    main()
