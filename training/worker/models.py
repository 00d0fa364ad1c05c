"""Which task workers are alive. No personal data: worker ids and times only."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """A `run_worker` process says it is alive by updating `last_seen` every few seconds.

    A running task whose worker has not been seen for `WORKER_STALE_AFTER_SECONDS`
    was left by a worker that died (killed, out of memory, machine gone) and is
    taken over by the next sweep (see `services.tasks_recover_interrupted`).
    `worker_id` is the id django-tasks-db records in `DBTaskResult.worker_ids`.
    """

    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    started_at = models.DateTimeField(_("started at"))
    last_seen = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return self.worker_id


class PeriodicJob(models.Model):
    """When a periodic job (settings.PERIODIC_JOBS) is next due, and when it last went out.

    One row per job name. Whichever worker's sweep first finds the job due
    moves `next_due_at` on with a conditional UPDATE and enqueues the task, so
    with any number of workers each period enqueues the job once.
    No personal data: job names and times only.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    next_due_at = models.DateTimeField(_("next due at"))
    last_enqueued_at = models.DateTimeField(_("last enqueued at"), null=True, blank=True)

    class Meta:
        verbose_name = _("periodic job")
        verbose_name_plural = _("periodic jobs")

    def __str__(self):
        return self.name
