"""A PDF that cannot be stored is retried with backoff, and given up on visibly."""

import datetime
import logging
from unittest import mock

import pytest
import time_machine
from django.core.files.storage import InMemoryStorage
from django.core.management import call_command
from django.utils import timezone, translation
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from tests.certificates.helpers import complete_course
from training.certificates import services
from training.certificates.models import Certificate
from training.certificates.tasks import certificate_finish_task, certificate_issue_task

RETRY = 60  # CERTIFICATE_PDF_RETRY_SECONDS in these tests


class ReadOnlyStorage(InMemoryStorage):
    """Media that refuses writes while `broken` is set, like a read-only or full disk."""

    broken = True

    def _save(self, name, content):
        if ReadOnlyStorage.broken:
            raise OSError(30, "Read-only file system")
        return super()._save(name, content)


@pytest.fixture
def read_only_media(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {"BACKEND": f"{__name__}.ReadOnlyStorage"},
    }
    ReadOnlyStorage.broken = True
    yield ReadOnlyStorage
    ReadOnlyStorage.broken = True


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WORKER_STALE_AFTER_SECONDS = 30
    settings.CERTIFICATE_PDF_RETRY_SECONDS = RETRY
    settings.CERTIFICATE_PDF_MAX_ATTEMPTS = 3


def issue(enrolment):
    """Complete the course and queue the issuing task (what happens on commit)."""
    complete_course(enrolment)
    certificate_issue_task.enqueue(enrolment_id=enrolment.pk)


def run_worker_once():
    """What a worker does with the tasks that are due now, then stop.

    In this process, inside the test's transaction: the worker's
    close_old_connections() would close the test's own connection (on
    PostgreSQL; SQLite's in-memory connection is never closed), so it is off.
    """
    target = "django_tasks_db.management.commands.db_worker.close_old_connections"
    with mock.patch(target):
        call_command("run_worker", batch=True, startup_delay=False, interval=0, reload=False)


def finish_tasks():
    return DBTaskResult.objects.filter(task_path=certificate_finish_task.module_path)


def sweep(now):
    return services.certificates_resume(now=now)


@pytest.mark.django_db
def test_a_pdf_that_cannot_be_written_is_retried_with_backoff_until_storage_works(
    enrolment, database_tasks, read_only_media
):
    issue(enrolment)
    run_worker_once()
    [issuing] = DBTaskResult.objects.filter(task_path=certificate_issue_task.module_path)
    assert issuing.status == TaskResultStatus.FAILED  # failed cleanly, not "running"
    certificate = Certificate.objects.get()
    assert not certificate.is_ready

    now = timezone.now() + datetime.timedelta(minutes=1)
    assert sweep(now)["unfinished"] == 1
    assert sweep(now)["unfinished"] == 0  # one retry queued, not one per sweep
    [first] = finish_tasks()
    assert first.run_after == now + datetime.timedelta(seconds=RETRY)

    with time_machine.travel(first.run_after, tick=False):
        run_worker_once()
        first.refresh_from_db()
        assert first.status == TaskResultStatus.FAILED
        now = timezone.now()
        assert sweep(now)["unfinished"] == 1
    second = finish_tasks().get(status=TaskResultStatus.READY)
    assert second.run_after == now + datetime.timedelta(seconds=2 * RETRY)  # doubled

    read_only_media.broken = False
    with time_machine.travel(second.run_after, tick=False):
        run_worker_once()
    second.refresh_from_db()
    assert second.status == TaskResultStatus.SUCCESSFUL
    certificate.refresh_from_db()
    assert certificate.is_ready and certificate.pdf.read().startswith(b"%PDF")
    assert sweep(timezone.now() + datetime.timedelta(hours=1))["unfinished"] == 0
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).exists()


@pytest.mark.django_db
def test_after_too_many_failures_the_pdf_is_given_up_on_logged_once_and_shown_in_history(
    enrolment, database_tasks, read_only_media, caplog, settings
):
    issue(enrolment)
    run_worker_once()
    certificate = Certificate.objects.get()
    now = timezone.now()
    for _attempt in range(settings.CERTIFICATE_PDF_MAX_ATTEMPTS):
        now += datetime.timedelta(days=1)
        assert sweep(now)["unfinished"] == 1
        with time_machine.travel(now + datetime.timedelta(hours=1), tick=False):
            run_worker_once()
    assert finish_tasks().filter(status=TaskResultStatus.FAILED).count() == 3

    with caplog.at_level(logging.ERROR, logger="training.certificates.services.recovery"):
        assert sweep(now + datetime.timedelta(days=1)) == {
            "unfinished": 0,
            "given_up": 1,
            "partial_files": 0,
        }
        assert sweep(now + datetime.timedelta(days=2))["given_up"] == 0  # once
    assert caplog.text.count(f"Certificate id={certificate.pk} still has no PDF") == 1
    assert certificate.holder_name not in caplog.text
    entries = ModelLogEntry.objects.for_instance(certificate).filter(
        action="certificates.pdf_failed"
    )
    assert entries.count() == 1
    with translation.override("en"):
        assert "could not be stored" in str(entries.get().message)

    # Once the storage works, an admin retries by hand.
    read_only_media.broken = False
    with time_machine.travel(now + datetime.timedelta(days=3), tick=False):
        call_command("certificates_resume", retry_failed=True)
        run_worker_once()
    certificate.refresh_from_db()
    assert certificate.is_ready


@pytest.mark.django_db
def test_a_certificate_whose_task_is_still_queued_or_running_is_not_enqueued_again(
    enrolment, database_tasks, read_only_media
):
    issue(enrolment)
    run_worker_once()
    certificate = Certificate.objects.get()
    later = timezone.now() + datetime.timedelta(minutes=5)
    certificate_finish_task.enqueue(certificate_id=certificate.pk)
    assert sweep(later)["unfinished"] == 0
    finish_tasks().update(status=TaskResultStatus.RUNNING)
    assert sweep(later)["unfinished"] == 0
    assert finish_tasks().count() == 1


@pytest.mark.django_db
def test_a_certificate_being_issued_right_now_is_left_to_its_task(
    enrolment, database_tasks, read_only_media
):
    issue(enrolment)
    run_worker_once()
    assert sweep(timezone.now())["unfinished"] == 0  # issued less than the stale time ago
    assert not finish_tasks().exists()
