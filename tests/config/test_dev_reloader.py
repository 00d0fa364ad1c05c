"""An idle `make run` stays idle: the dev server's autoreloader waits for file events
(django-watchfiles) instead of polling every file each second, and the worker runs without
one. `scripts/bench_idle.py` (in `make bench`) measures the CPU it saves."""

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_development_settings_install_the_event_based_reloader():
    dev = importlib.import_module("config.settings.dev")
    assert "django_watchfiles" in dev.INSTALLED_APPS


def test_make_run_starts_the_worker_without_a_reloader():
    makefile = (ROOT / "Makefile").read_text()
    run = makefile[makefile.index("\nrun:") : makefile.index("\nserve:")]
    assert re.search(r"run_worker --no-reload &", run)
