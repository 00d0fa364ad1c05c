#!/usr/bin/env python
"""How busy an idle `make run` keeps the machine: the dev server and the task worker, as
`make run` starts them, left alone; CPU time of all their processes over a quiet window.

Prints the share of one core, beside the same pair with Django's polling StatReloader
(the default before django-watchfiles) as the baseline of the same run:

    scripts/bench_idle.py            # 40 s warm-up, 30 s measured, each setup
    BENCH_QUICK=1 scripts/bench_idle.py

A fresh SQLite file in a temporary folder; nothing else is touched.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
QUICK = bool(os.environ.get("BENCH_QUICK"))
WARM_UP, WINDOW = (20, 15) if QUICK else (40, 30)
TICKS = os.sysconf("SC_CLK_TCK")

STAT_SETTINGS = """from config.settings.dev import *  # noqa: F403
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "django_watchfiles"]  # noqa: F405
"""


def _cpu_ticks(pids: set[int]) -> int:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total


def _family(pids: list[int]) -> set[int]:
    """The processes and their children (the autoreloader runs the server in a child)."""
    found = set(pids)
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[1]) in found:
            found.add(int(status.parent.name))
    return found


def measure(label: str, settings: str, scratch: Path, port: int) -> float:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{scratch / 'idle.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": settings,
        "PYTHONPATH": f"{scratch}:{ROOT}:{ROOT / 'site'}",
    }
    manage = [str(PYTHON), str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True, cwd=ROOT)
    processes = [
        subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [*manage, "run_worker", "--no-reload"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        time.sleep(WARM_UP)
        pids = _family([p.pid for p in processes])
        before = _cpu_ticks(pids)
        time.sleep(WINDOW)
        share = (_cpu_ticks(pids) - before) / (WINDOW * TICKS)
    finally:
        for process in processes:
            process.send_signal(signal.SIGINT)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
    print(f"  {label:<44} {100 * share:5.1f} % of one core")
    return share


def main() -> int:
    print(f"Idle `make run` (dev server + worker), {WINDOW} s after {WARM_UP} s warm-up:")
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        (scratch / "idle_stat_settings.py").write_text(STAT_SETTINGS)
        baseline = measure("baseline: polling StatReloader", "idle_stat_settings", scratch, 8767)
        (scratch / "idle.sqlite3").unlink()
        current = measure(
            "make run: watchfiles (inotify) reloader", "config.settings.dev", scratch, 8768
        )
    if baseline:
        print(f"  ratio current / baseline: {current / baseline:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
