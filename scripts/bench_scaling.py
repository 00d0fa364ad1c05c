#!/usr/bin/env python
"""How server time grows with the course and the cohort (part of `make bench`).

Runs scripts/bench.py three times, each in a fresh scratch database: 3 lessons
and 10 learners, 60 and 500, 300 and 5,000 (issue 11's sizes), and prints per
page the median wall and CPU milliseconds in-process at each size and the
growth from the smallest to the largest. Pages whose cost follows the size
of the course or the cohort show up as a large growth; pages that are
paginated or cached stay near 1×. BENCH_SCALES="3:10,60:500" picks other sizes
(lessons:learners; lessons are spread over 3 modules).
"""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCALES = "3:10,60:500,300:5000"
LINE = re.compile(
    r"^(?P<name>(learner|trainer): .+?)\s{2,}(?P<median>[\d.]+)\s+(?P<p95>[\d.]+)"
    r"\s+(?P<queries>\d+)\s+(?P<cpu>[\d.]+)\s*$"
)


def run(lessons: int, learners: int) -> dict[str, dict]:
    env = {
        **os.environ,
        "BENCH_LESSONS_PER_MODULE": str(max(1, lessons // 3)),
        "BENCH_LEARNERS": str(learners),
        "BENCH_NO_PDF": "1",
        "BENCH_REPEAT": os.environ.get("BENCH_REPEAT", "15"),
    }
    env.pop("BENCH_REUSE", None)
    print(f"… {lessons} lessons × {learners} learners", flush=True)
    output = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py")],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = {}
    for line in output.splitlines():
        match = LINE.match(line)
        if match:
            rows[match["name"].strip()] = {
                key: float(match[key]) for key in ("median", "cpu", "queries")
            }
    return rows


def main():
    scales = [
        tuple(int(part) for part in pair.split(":"))
        for pair in os.environ.get("BENCH_SCALES", DEFAULT_SCALES).split(",")
    ]
    results = [(scale, run(*scale)) for scale in scales]
    names = list(results[0][1])
    header = "".join(f"{f'{lessons}×{learners}':>16}" for (lessons, learners), _ in results)
    print("\nServer time per request (in-process median: wall ms / CPU ms, queries)")
    print(f"{'page':<32}{header}{'growth':>9}")
    for name in names:
        cells = []
        for _, rows in results:
            row = rows.get(name)
            cells.append(
                f"{row['median']:>7.1f}/{row['cpu']:<5.1f}{int(row['queries']):>3}q" if row else ""
            )
        first, last = results[0][1].get(name), results[-1][1].get(name)
        growth = f"{last['cpu'] / first['cpu']:>8.1f}×" if first and last and first["cpu"] else ""
        print(f"{name:<32}" + "".join(f"{cell:>16}" for cell in cells) + growth)
    print("growth: CPU at the largest size ÷ CPU at the smallest.")


if __name__ == "__main__":
    main()
