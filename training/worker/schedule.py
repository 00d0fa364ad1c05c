"""Periodic jobs: Django's tasks have no scheduler, so the workers are one.

`settings.PERIODIC_JOBS` is the one place that lists every periodic job:
a name, the task (a dotted path to a django-tasks Task taking no arguments)
and how often it runs. Every `run_worker` calls `periodic_jobs_enqueue` in
its sweep (every WORKER_SWEEP_SECONDS), so jobs go out within a sweep of
being due, as long as one worker runs. The rules:

1. A job seen for the first time is due at once (a fresh install sends
   nothing twice: every job is idempotent by its own unique records).
2. A due job is claimed by a conditional UPDATE that moves `next_due_at` one
   interval past now; only the sweep whose UPDATE changed the row enqueues
   the task. Two workers sweeping at the same moment enqueue it once.
3. A worker that was down for a while runs each overdue job once, not once
   per missed period.
4. A job removed from the settings is left alone (its row stays, harmless).

Without workers (e.g. a cron-only setup), `manage.py periodic_jobs --run-due`
does the same from cron; `manage.py periodic_jobs` lists when each job is due.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import PeriodicJob

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobSpec:
    name: str
    task_path: str
    every: datetime.timedelta


def periodic_job_specs() -> list[JobSpec]:
    return [
        JobSpec(name, spec["task"], datetime.timedelta(seconds=spec["every"]))
        for name, spec in settings.PERIODIC_JOBS.items()
    ]


def _claim(spec: JobSpec, now: datetime.datetime) -> bool:
    """Whether this call won the job for the current period (rules 1–3)."""
    try:
        with transaction.atomic():
            PeriodicJob.objects.get_or_create(name=spec.name, defaults={"next_due_at": now})
    except IntegrityError:  # another worker created it at the same moment
        pass
    return bool(
        PeriodicJob.objects.filter(name=spec.name, next_due_at__lte=now).update(
            next_due_at=now + spec.every, last_enqueued_at=now
        )
    )


def periodic_jobs_enqueue(*, now: datetime.datetime | None = None, **_options) -> dict:
    """Enqueue every periodic job that is due; one of the sweeps every worker runs."""
    now = now or timezone.now()
    enqueued = 0
    for spec in periodic_job_specs():
        with transaction.atomic():
            if not _claim(spec, now):
                continue
            # In the same transaction: if enqueueing fails, the claim is undone too.
            import_string(spec.task_path).enqueue()
        enqueued += 1
        logger.info("Periodic job %s enqueued", spec.name)
    return {"periodic_jobs": enqueued}
