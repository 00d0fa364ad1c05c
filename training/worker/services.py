"""Keeping background work alive when a worker dies: heartbeats, takeover, the sweep.

django-tasks-db marks a task RUNNING when a worker claims it and records the
worker's id in `worker_ids`; a worker killed with SIGKILL (or by the kernel,
or with its machine) leaves the task RUNNING for ever. The rules here, in order:

1. Every `run_worker` process writes a `WorkerHeartbeat` every
   `WORKER_HEARTBEAT_SECONDS` while it lives, and removes it when it stops.
2. A RUNNING task is *interrupted* when it has been running for longer than
   `WORKER_STALE_AFTER_SECONDS` and its worker (the last id in `worker_ids`)
   has no heartbeat newer than that. A live worker's tasks are never touched,
   however long they run.
3. An interrupted task is marked FAILED (`WorkerInterrupted`) by a conditional
   UPDATE (`status = RUNNING`) under a row lock, so when several workers sweep
   at the same time exactly one of them takes it over.
4. The one that took it over enqueues it again when its task is listed in
   `WORKER_RETRY_INTERRUPTED_TASKS` (tasks that are safe to run twice), at most
   `WORKER_INTERRUPTED_MAX_RETRIES` times for the same arguments; after that it
   logs an error (task path and result id, never the arguments).
5. `worker_sweep` does this and then runs every function in `WORKER_SWEEPS`
   (apps' own repairs, e.g. certificates without their PDF). Every worker runs
   it every `WORKER_SWEEP_SECONDS`; `certificates_resume` runs it by hand.
"""

from __future__ import annotations

import datetime
import logging
from traceback import format_exception

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)


class WorkerInterrupted(Exception):
    """Recorded on a task that was still "running" when its worker had gone."""


def stale_after() -> datetime.timedelta:
    """How long a worker may be silent before its running tasks are taken over."""
    return datetime.timedelta(seconds=settings.WORKER_STALE_AFTER_SECONDS)


def worker_heartbeat(*, worker_id: str, now: datetime.datetime | None = None) -> None:
    """Record that `worker_id` is alive (one row per worker, updated in place)."""
    now = now or timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"last_seen": now},
        create_defaults={"started_at": now, "last_seen": now},
    )


def worker_forget(*, worker_id: str) -> None:
    """A worker that stops cleanly removes its heartbeat; its tasks are finished by then."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def interrupted_task_ids(*, now: datetime.datetime | None = None) -> list:
    """Ids of RUNNING tasks whose worker is gone (rule 2). Reads only; takes nothing over."""
    cutoff = (now or timezone.now()) - stale_after()
    live = set(
        WorkerHeartbeat.objects.filter(last_seen__gt=cutoff).values_list("worker_id", flat=True)
    )
    running = DBTaskResult.objects.running().filter(started_at__lte=cutoff)
    return [
        pk
        for pk, worker_ids in running.values_list("pk", "worker_ids")
        if not worker_ids or worker_ids[-1] not in live
    ]


def tasks_take_over(*, ids, now: datetime.datetime | None = None) -> int:
    """Fail and (when allowed) re-enqueue the given interrupted tasks (rules 3 and 4).

    Only rows still RUNNING are changed, so ids read by a sweep that lost the
    race to another are skipped. Returns how many this call took over.
    """
    now = now or timezone.now()
    error = WorkerInterrupted("The worker running this task stopped before it finished.")
    taken = 0
    with transaction.atomic():
        locked = list(
            DBTaskResult.objects.filter(pk__in=list(ids), status=TaskResultStatus.RUNNING)
            .select_for_update(skip_locked=True)
            .order_by()
        )
        for result in locked:
            claimed = DBTaskResult.objects.filter(
                pk=result.pk, status=TaskResultStatus.RUNNING
            ).update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                return_value=None,
                exception_class_path=_class_path(WorkerInterrupted),
                traceback="".join(format_exception(error)),
            )
            if claimed:
                taken += 1
                _retry_interrupted(result)
    return taken


def tasks_recover_interrupted(*, now: datetime.datetime | None = None) -> int:
    """Take over every task a dead worker left RUNNING; safe beside live workers."""
    return tasks_take_over(ids=interrupted_task_ids(now=now), now=now)


def _class_path(cls) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _retry_interrupted(result: DBTaskResult) -> None:
    if result.task_path not in settings.WORKER_RETRY_INTERRUPTED_TASKS:
        logger.warning(
            "Task %s (result id=%s) was interrupted and is not retried.",
            result.task_path,
            result.pk,
        )
        return
    interruptions = sum(
        1
        for args_kwargs in DBTaskResult.objects.filter(
            task_path=result.task_path,
            status=TaskResultStatus.FAILED,
            exception_class_path=_class_path(WorkerInterrupted),
        ).values_list("args_kwargs", flat=True)
        if args_kwargs == result.args_kwargs
    )
    if interruptions > settings.WORKER_INTERRUPTED_MAX_RETRIES:
        logger.error(
            "Task %s (result id=%s) was interrupted %d times; not retried again.",
            result.task_path,
            result.pk,
            interruptions,
        )
        return
    task = import_string(result.task_path).using(
        priority=result.priority, queue_name=result.queue_name, backend=result.backend_name
    )
    retry = task.enqueue(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
    logger.info(
        "Task %s (result id=%s) was interrupted; enqueued again as id=%s.",
        result.task_path,
        result.pk,
        retry.id,
    )


def heartbeats_prune(*, now: datetime.datetime | None = None) -> int:
    """Remove heartbeats of workers gone for a day (their tasks are taken over by then)."""
    cutoff = (now or timezone.now()) - max(stale_after(), datetime.timedelta(days=1))
    deleted, _ = WorkerHeartbeat.objects.filter(last_seen__lt=cutoff).delete()
    return deleted


def worker_sweep(*, now: datetime.datetime | None = None, **options) -> dict:
    """Repair what dead workers left: interrupted tasks first, then each app's sweep.

    Safe to run at any time, from any number of workers at once. `options`
    are passed to every function in `WORKER_SWEEPS` (they accept `now` and
    ignore what they do not know). Returns counts per kind.
    """
    counts = {"interrupted_tasks": tasks_recover_interrupted(now=now)}
    for path in settings.WORKER_SWEEPS:
        counts.update(import_string(path)(now=now, **options))
    heartbeats_prune(now=now)
    return counts
