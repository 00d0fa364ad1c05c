#!/usr/bin/env python
"""The L-size load test (`make bench-cluster`): 1,000 signed-in learners against the cluster.

Run inside `scripts/cluster.sh` (which exports the cluster's environment:
PostgreSQL, Redis, S3, two gunicorn app servers behind nginx over TLS):

    scripts/cluster.sh .venv/bin/python scripts/bench_cluster.py

Seeds the cluster's fresh database with bench.py's course, a reflection and
BENCH_CLUSTER_LEARNERS (1,000) learners with sessions, then runs the same
learner behaviour as the M test of scripts/bench_http.py (read a lesson,
think, mark it done, autosave every 5 s) through nginx for 3 minutes
(BENCH_QUICK=1: 30 s), printing p50/p95/p99 per request type and errors,
and samples pg_stat_activity meanwhile. Not part of CI.
"""

import os
import resource
import ssl
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "scripts")]

import bench_http  # noqa: E402

LEARNERS = int(os.environ.get("BENCH_CLUSTER_LEARNERS", 1000))


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
    print(
        f"Cluster seeded: a course of 60 lessons, {len(data['users'])} signed-in learners "
        f"({time.perf_counter() - started:.0f} s)."
    )
    context = ssl.create_default_context(cafile=os.environ["CLUSTER_CA"])
    seconds = 30 if bench_http.QUICK else 180
    with bench_http.pg_activity_sampler(database_url):
        bench_http.load_test(
            os.environ["CLUSTER_URL"],
            data["users"],
            seconds=seconds,
            ssl_context=context,
            label="L (cluster: nginx, 2 app servers x 2 workers, PostgreSQL, Redis)",
        )


if __name__ == "__main__":
    main()
