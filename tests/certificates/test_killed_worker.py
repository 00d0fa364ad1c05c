"""A real worker killed with SIGKILL mid-render: the next worker finishes its work unasked.

Nobody runs `certificates_resume` here. The first worker process hangs in the
PDF render (tests/certificates/hanging_worker.py) and is killed; a second,
ordinary `manage.py run_worker` notices the first one's heartbeat went stale,
takes its task over and issues the PDF.
"""

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tests.certificates.helpers import complete_course
from tests.factories import CohortFactory, EnrolmentFactory, build_course
from training.certificates.models import Certificate
from training.worker.models import WorkerHeartbeat

ROOT = Path(__file__).resolve().parents[2]
DEADLINE_SECONDS = 120  # a bound on every wait, not a performance expectation
WORKER_OPTIONS = ["--no-reload", "--no-startup-delay", "--interval", "0.1"]


class SharedDatabase:
    """The database the worker processes use, and plain SQL reads of it.

    PostgreSQL: the test database itself. SQLite: the suite's database is in
    memory, so it is copied to a file (schema and this test's rows) first.
    """

    def __init__(self, folder: Path):
        self.sqlite_path = None
        settings_dict = connection.settings_dict
        keys = ["ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT", "OPTIONS"]
        self.settings = {key: settings_dict[key] for key in keys if key in settings_dict}
        if connection.vendor == "sqlite":
            self.sqlite_path = folder / "db.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(self.sqlite_path) as copy:
                connection.connection.backup(copy)
            self.settings["NAME"] = str(self.sqlite_path)

    def rows(self, sql: str) -> list:
        if self.sqlite_path is None:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()
        with sqlite3.connect(self.sqlite_path, timeout=30) as reader:
            return reader.execute(sql).fetchall()

    def task_states(self) -> list:
        """(worker ids, status, exception class) of every task result."""
        table = DBTaskResult._meta.db_table
        rows = self.rows(f"SELECT worker_ids, status, exception_class_path FROM {table}")  # noqa: S608
        # SQLite returns JSON as text, PostgreSQL's driver decodes it.
        return [(json.loads(w) if isinstance(w, str) else w, s, e) for w, s, e in rows]

    def pdf(self) -> tuple:
        table = Certificate._meta.db_table
        [row] = self.rows(f"SELECT pdf, pdf_sha256 FROM {table}")  # noqa: S608
        return row

    def heartbeats(self) -> list:
        table = WorkerHeartbeat._meta.db_table
        return [worker for (worker,) in self.rows(f"SELECT worker_id FROM {table}")]  # noqa: S608


def worker_environment(folder: Path, database: SharedDatabase, media: Path) -> dict:
    (folder / "worker_settings.py").write_text(
        "from config.settings.test import *  # noqa\n"
        f"DATABASES = {{'default': {database.settings!r}}}\n"
        "TASKS = {'default': {'BACKEND': 'django_tasks_db.DatabaseBackend'}}\n"
        # Only the certificate's tasks in this queue: no periodic jobs from the sweep.
        "PERIODIC_JOBS = {}\n"
        "STORAGES = {**STORAGES, 'certificates': {\n"
        "    'BACKEND': 'training.certificates.storage.PrivateFileSystemStorage',\n"
        f"    'OPTIONS': {{'location': {str(media)!r}}},\n"
        "}}\n"
    )
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(
        DJANGO_SETTINGS_MODULE="worker_settings",
        PYTHONPATH=os.pathsep.join([str(folder), str(ROOT), str(ROOT / "site")]),
        # Short times so the test is quick; the rules are the production ones.
        WORKER_HEARTBEAT_SECONDS="0.2",
        WORKER_STALE_AFTER_SECONDS="2",
        WORKER_SWEEP_SECONDS="0.5",
        RENDER_STARTED_MARKER=str(folder / "render-started"),
    )
    return environment


def wait_for(condition, *, process, what: str):
    """Poll `condition` until it holds; fail if the worker exits or the deadline passes."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        if process.poll() is not None:
            output = process.stdout.read()
            pytest.fail(f"worker exited ({process.returncode}) before {what}:\n{output}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} within {DEADLINE_SECONDS} s")
        time.sleep(0.2)


@pytest.fixture
def processes():
    started = []

    def start(*command, env):
        process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
            [sys.executable, *command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        process.stdout.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_mid_render_is_replaced_and_the_certificate_gets_its_pdf(
    settings, tmp_path, processes, real_clock
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    course = build_course(modules=1, lessons_per_module=2, certificate_validity_years=3)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    DBTaskResult.objects.all().delete()
    complete_course(enrolment)  # on commit: the issuing task is queued
    assert DBTaskResult.objects.count() == 1

    media = tmp_path / "media"
    database = SharedDatabase(tmp_path)
    environment = worker_environment(tmp_path, database, media)
    marker = tmp_path / "render-started"

    doomed = processes(
        "-m",
        "tests.certificates.hanging_worker",
        *WORKER_OPTIONS,
        "--worker-id",
        "doomed",
        env=environment,
    )
    wait_for(marker.exists, process=doomed, what="render started")
    doomed.send_signal(signal.SIGKILL)
    doomed.wait(timeout=30)

    assert database.task_states() == [(["doomed"], "RUNNING", "")]
    assert database.pdf() == ("", "")
    assert database.heartbeats() == ["doomed"]  # killed: it could not clean up

    successor = processes(
        "manage.py", "run_worker", *WORKER_OPTIONS, "--worker-id", "successor", env=environment
    )
    wait_for(lambda: database.pdf()[1] != "", process=successor, what="PDF stored")
    wait_for(
        lambda: all(status != "RUNNING" for _w, status, _e in database.task_states()),
        process=successor,
        what="all tasks finished",
    )
    successor.send_signal(signal.SIGTERM)  # a clean stop
    assert successor.wait(timeout=DEADLINE_SECONDS) == 0

    assert sorted(database.task_states()) == [
        (["doomed"], "FAILED", "training.worker.services.WorkerInterrupted"),
        (["successor"], "SUCCESSFUL", ""),
    ]
    name, sha256 = database.pdf()
    assert hashlib.sha256((media / name).read_bytes()).hexdigest() == sha256
    assert sorted(p.name for p in (media / "certificates").iterdir()) == [Path(name).name]
    # The stopped worker removed its heartbeat; the killed one's stays until pruned.
    assert database.heartbeats() == ["doomed"]
