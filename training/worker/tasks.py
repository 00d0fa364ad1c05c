"""The worker app's own periodic work."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult


@task()
def task_results_prune_task() -> int:
    """Delete finished task results older than TASK_RESULTS_KEEP_DAYS (daily).

    Failed finishing tasks of certificates still without a PDF are kept: the
    retry backoff counts them.
    """
    cutoff = timezone.now() - datetime.timedelta(days=settings.TASK_RESULTS_KEEP_DAYS)
    finished = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lt=cutoff,
    )
    deleted, _ = finished.exclude(
        status=TaskResultStatus.FAILED,
        task_path="training.certificates.tasks.certificate_finish_task",
    ).delete()
    return deleted
