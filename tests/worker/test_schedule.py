"""Periodic jobs: every job in settings.PERIODIC_JOBS goes out once per period,
whatever the number of workers sweeping, and once after a long pause."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from training.worker.models import PeriodicJob
from training.worker.schedule import periodic_jobs_enqueue
from training.worker.services import worker_sweep

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime.datetime(2026, 12, 1, 9, 0))
JOBS = {
    "daily": {"task": "training.certificates.tasks.certificate_reminders_task", "every": 86400},
    "hourly": {"task": "training.privacy.tasks.privacy_retention_task", "every": 3600},
}


@pytest.fixture
def queued(settings):
    """Tasks go to the database queue (as in production), so enqueues can be counted."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PERIODIC_JOBS = JOBS

    def count(name):
        return DBTaskResult.objects.filter(task_path=JOBS[name]["task"]).count()

    return count


def test_a_new_job_goes_out_at_once_then_once_per_period(queued):
    assert periodic_jobs_enqueue(now=START) == {"periodic_jobs": 2}
    assert periodic_jobs_enqueue(now=START + datetime.timedelta(minutes=1)) == {"periodic_jobs": 0}
    assert periodic_jobs_enqueue(now=START + datetime.timedelta(hours=1, seconds=1)) == {
        "periodic_jobs": 1
    }
    assert (queued("daily"), queued("hourly")) == (1, 2)
    job = PeriodicJob.objects.get(name="daily")
    assert job.next_due_at == START + datetime.timedelta(days=1)


def test_workers_sweeping_at_the_same_moment_enqueue_each_job_once(queued):
    for _worker in range(3):
        periodic_jobs_enqueue(now=START)
    assert (queued("daily"), queued("hourly")) == (1, 1)


def test_after_a_long_pause_an_overdue_job_runs_once_not_per_missed_period(queued):
    periodic_jobs_enqueue(now=START)
    periodic_jobs_enqueue(now=START + datetime.timedelta(days=5))
    assert queued("hourly") == 2
    assert PeriodicJob.objects.get(name="hourly").next_due_at == START + datetime.timedelta(
        days=5, hours=1
    )


def test_every_worker_sweep_enqueues_what_is_due(queued):
    counts = worker_sweep(now=START)
    assert counts["periodic_jobs"] == 2
    assert queued("daily") == 1


def test_the_command_lists_the_jobs_and_runs_what_is_due(queued, capsys):
    call_command("periodic_jobs", "--run-due")
    output = capsys.readouterr().out
    assert "Periodic jobs enqueued: 2." in output
    assert "daily: every 1 day, 0:00:00, next" in output
    assert queued("daily") == 1


def test_every_configured_job_is_a_task_that_takes_no_arguments():
    from django.conf import settings as live

    assert {"certificate_reminders", "privacy_retention", "association_digests"} <= set(
        live.PERIODIC_JOBS
    )
    for name, spec in live.PERIODIC_JOBS.items():
        task = import_string(spec["task"])
        assert isinstance(task, Task), name
        assert spec["every"] >= 60, name
        assert task.func.__code__.co_argcount == 0, f"{name} takes arguments"
