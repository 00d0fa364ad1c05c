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
