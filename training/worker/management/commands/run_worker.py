"""`manage.py run_worker`: django-tasks-db's `db_worker`, plus a heartbeat and the sweep."""

import logging
import os
import threading

from django.conf import settings
from django.core.management.base import CommandError
from django.db import close_old_connections, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from training.worker.services import worker_forget, worker_heartbeat, worker_sweep

logger = logging.getLogger("training.worker")


class Heartbeat(threading.Thread):
    """Beside the worker's own loop: beat every few seconds, sweep every minute or so.

    It runs in its own thread (with its own database connection) so that a
    long task does not make its live worker look dead. The first sweep runs
    at start-up, so a restarted worker picks up what its predecessor left as
    soon as that one's heartbeat is stale.
    """

    def __init__(self, worker_id: str):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def run(self):
        beat = settings.WORKER_HEARTBEAT_SECONDS
        sweep_every = max(1, round(settings.WORKER_SWEEP_SECONDS / beat))
        ticks = 0
        try:
            while not self.stopped.is_set():
                self._guarded(worker_heartbeat, worker_id=self.worker_id)
                if ticks % sweep_every == 0:
                    self._guarded(worker_sweep)
                ticks += 1
                self.stopped.wait(beat)
        finally:
            connection.close()

    def _guarded(self, function, **kwargs):
        # A database hiccup must not end the heartbeat: the next beat tries again.
        close_old_connections()
        try:
            function(**kwargs)
        except Exception:
            logger.exception("Worker %s: %s failed", self.worker_id, function.__name__)

    def stop(self):
        self.stopped.set()
        self.join(timeout=settings.WORKER_HEARTBEAT_SECONDS + 5)


class Command(DBWorkerCommand):
    help = (
        "Run a task worker (django-tasks-db's db_worker) that writes a heartbeat and "
        "periodically takes over tasks left running by workers that died, and re-enqueues "
        "certificates without a PDF. Run as many as you like: they never take over each "
        "other's live work."
    )

    def handle(self, *args, worker_id, reload, batch, **options):
        if settings.WORKER_STALE_AFTER_SECONDS < 2 * settings.WORKER_HEARTBEAT_SECONDS:
            raise CommandError(
                "WORKER_STALE_AFTER_SECONDS must be at least twice WORKER_HEARTBEAT_SECONDS."
            )
        # With the autoreloader, the outer process only watches files; the child works.
        if reload and not batch and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            return super().handle(*args, worker_id=worker_id, reload=reload, batch=batch, **options)
        worker_heartbeat(worker_id=worker_id)  # before the first claim
        # A batch run (tests, cron) is over in moments: it beats once and sweeps nothing.
        heartbeat = None if batch else Heartbeat(worker_id)
        if heartbeat:
            heartbeat.start()
        try:
            return super().handle(*args, worker_id=worker_id, reload=reload, batch=batch, **options)
        finally:
            if heartbeat:
                heartbeat.stop()
            worker_forget(worker_id=worker_id)
