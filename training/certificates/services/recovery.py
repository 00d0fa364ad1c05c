"""Recovering from an interrupted worker or a failed PDF write."""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from ..models import Certificate
from .issuing import TEMP_PREFIX

logger = logging.getLogger(__name__)


def certificates_resume(
    *, now: datetime.datetime | None = None, retry_failed: bool = False, **_options
) -> dict:
    """Finish certificates left without a PDF; one of the sweeps every worker runs.

    A certificate can be left without its PDF by a worker that died (its task
    is then taken over by `training.worker.services.tasks_recover_interrupted`)
    or by a PDF that could not be written (read-only or full media): the task
    failed and nothing would try again. Rules, in order:

    - only certificates issued more than `WORKER_STALE_AFTER_SECONDS` ago, so
      one being issued right now is left to the task issuing it;
    - none that has an issuing or finishing task queued or running: that task
      will finish it (so repeated and concurrent sweeps enqueue one task);
    - the next attempt waits `CERTIFICATE_PDF_RETRY_SECONDS`, doubled for every
      finishing task that already failed for it (exponential backoff);
    - after `CERTIFICATE_PDF_MAX_ATTEMPTS` failures it stops, logs an error (ids
      only) and records "PDF could not be stored" in the certificate's history,
      once; `retry_failed` (by hand, once the cause is fixed) tries again now.

    Also removes temporary files a killed write left. Returns counts per kind.
    """
    from training.worker.services import stale_after

    from ..tasks import certificate_finish_task

    now = now or timezone.now()
    enqueued = given_up = 0
    with transaction.atomic():
        # Locked rows are skipped: another sweep or a store of the PDF holds them.
        unfinished = list(
            Certificate.objects.filter(
                pdf_sha256="",
                issued_at__lte=now - stale_after(),
                learner__erased_at__isnull=True,
            )
            .select_for_update(skip_locked=True)
            .values_list("pk", "enrolment_id")
        )
        pending_certificates, pending_enrolments = _pending_certificate_tasks()
        failures = _failed_finish_attempts()
        for pk, enrolment_id in unfinished:
            if pk in pending_certificates or enrolment_id in pending_enrolments:
                continue
            failed = failures.get(pk, 0)
            if failed >= settings.CERTIFICATE_PDF_MAX_ATTEMPTS and not retry_failed:
                given_up += _give_up(pk, failed)
                continue
            delay = 0 if retry_failed else settings.CERTIFICATE_PDF_RETRY_SECONDS * 2**failed
            task = certificate_finish_task
            if task.get_backend().supports_defer:  # the immediate backend (tests) cannot wait
                task = task.using(run_after=now + datetime.timedelta(seconds=delay))
            task.enqueue(certificate_id=pk)
            enqueued += 1
    removed = _remove_partial_files(older_than=stale_after(), now=now)
    return {"unfinished": enqueued, "given_up": given_up, "partial_files": removed}


def _task_argument(args_kwargs: dict, name: str):
    """The task's first argument, whether it was passed by name or by position."""
    if name in args_kwargs.get("kwargs", {}):
        return args_kwargs["kwargs"][name]
    return (args_kwargs.get("args") or [None])[0]


def _pending_certificate_tasks() -> tuple[set, set]:
    """Certificates and enrolments with an issuing or finishing task queued or running."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from ..tasks import certificate_finish_task, certificate_issue_task

    certificates, enrolments = set(), set()
    pending = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        task_path__in=[certificate_finish_task.module_path, certificate_issue_task.module_path],
    ).values_list("task_path", "args_kwargs")
    for task_path, args_kwargs in pending:
        if task_path == certificate_finish_task.module_path:
            certificates.add(_task_argument(args_kwargs, "certificate_id"))
        else:
            enrolments.add(_task_argument(args_kwargs, "enrolment_id"))
    return certificates, enrolments


def _failed_finish_attempts() -> dict[int, int]:
    """Failed finishing tasks per certificate id (the attempts counted for backoff)."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from ..tasks import certificate_finish_task

    counts: dict[int, int] = {}
    failed = DBTaskResult.objects.filter(
        status=TaskResultStatus.FAILED, task_path=certificate_finish_task.module_path
    ).values_list("args_kwargs", flat=True)
    for args_kwargs in failed:
        pk = _task_argument(args_kwargs, "certificate_id")
        counts[pk] = counts.get(pk, 0) + 1
    return counts


PDF_FAILED_ACTION = "certificates.pdf_failed"


def _give_up(pk: int, failed: int) -> int:
    """Log and record, once per certificate, that its PDF could not be stored."""
    from wagtail.models import ModelLogEntry

    certificate = Certificate.objects.get(pk=pk)
    if ModelLogEntry.objects.for_instance(certificate).filter(action=PDF_FAILED_ACTION).exists():
        return 0
    logger.error(
        "Certificate id=%s still has no PDF after %d failed attempts; not retried again. "
        "Fix the cause, then run `manage.py certificates_resume --retry-failed`.",
        pk,
        failed,
    )
    log(instance=certificate, action=PDF_FAILED_ACTION, data={"attempts": failed})
    return 1


def _remove_partial_files(*, older_than: datetime.timedelta, now: datetime.datetime) -> int:
    storage = Certificate._meta.get_field("pdf").storage
    if not isinstance(storage, FileSystemStorage):
        return 0
    folder = Path(storage.path("certificates"))
    if not folder.is_dir():
        return 0
    removed = 0
    limit = (now - older_than).timestamp()
    for path in folder.glob(f"{TEMP_PREFIX}*"):
        if path.stat().st_mtime <= limit:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
