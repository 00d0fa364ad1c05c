"""A worker killed half-way leaves no half-written file, and the next run completes the work."""

import datetime
import hashlib
import os

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.certificates.helpers import complete_course
from tests.factories import CohortFactory, EnrolmentFactory, build_course
from training.certificates import services
from training.certificates.models import Certificate
from training.certificates.services import issuing
from training.certificates.tasks import certificate_issue_task
from training.worker.services import worker_sweep

# Past WORKER_STALE_AFTER_SECONDS: the dead worker's heartbeat (if any) is stale by then.
LATER = datetime.timedelta(minutes=5)


@pytest.fixture
def media(settings, tmp_path):
    """Certificates on a real file system, where a half-written file could exist."""
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "training.certificates.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


def files_in(folder):
    return sorted(p.name for p in (folder / "certificates").glob("*")) if folder.exists() else []


def kill_on_rename(monkeypatch):
    """Stop the process just before the finished file would be renamed into place."""

    def killed(*args, **kwargs):
        raise KeyboardInterrupt("worker killed")

    monkeypatch.setattr(issuing.os, "replace", killed)


@pytest.mark.django_db
def test_an_interrupted_write_leaves_no_file_and_resuming_completes_it(
    enrolment, media, monkeypatch
):
    complete_course(enrolment)
    kill_on_rename(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        services.certificate_issue(enrolment=enrolment)

    certificate = Certificate.objects.get()
    assert not certificate.is_ready and certificate.pdf.name == ""
    assert files_in(media) == []

    monkeypatch.undo()
    with time_machine.travel(timezone.now() + LATER, tick=False):
        call_command("certificates_resume")
    certificate.refresh_from_db()
    assert certificate.is_ready
    assert files_in(media) == [f"{certificate.pk}.pdf"]
    content = (media / certificate.pdf.name).read_bytes()
    assert hashlib.sha256(content).hexdigest() == certificate.pdf_sha256


@pytest.mark.django_db
def test_resuming_removes_partial_files_a_killed_worker_left(media):
    folder = media / "certificates"
    folder.mkdir()
    partial = folder / f"{issuing.TEMP_PREFIX}abc.pdf"
    partial.write_bytes(b"%PDF-1.7 half")
    # The file's time from the same clock as the sweep's: the filesystem keeps the
    # real time, which lies hours or days away from a travelled (TEST_NOW) clock.
    written = timezone.now().timestamp()
    os.utime(partial, (written, written))
    assert services.certificates_resume()["partial_files"] == 0  # may be a write in progress
    assert services.certificates_resume(now=timezone.now() + LATER)["partial_files"] == 1
    assert files_in(media) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_mid_task_is_completed_when_the_worker_runs_again(
    settings, media, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    course = build_course(modules=1, lessons_per_module=2, certificate_validity_years=3)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    complete_course(enrolment)
    DBTaskResult.objects.all().delete()  # start from one clean task

    certificate_issue_task.enqueue(enrolment_id=enrolment.pk)
    job = DBTaskResult.objects.get()
    job.claim("worker-that-dies")  # what db_worker does before running it
    kill_on_rename(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        job.task.call(*job.task_result.args, **job.task_result.kwargs)
    monkeypatch.undo()

    job.refresh_from_db()
    assert job.status == TaskResultStatus.RUNNING  # the dead worker never finished it
    assert files_in(media) == []
    assert not Certificate.objects.get().is_ready

    assert worker_sweep()["interrupted_tasks"] == 0  # it might still be running
    assert worker_sweep(now=timezone.now() + LATER)["interrupted_tasks"] == 1
    call_command("run_worker", batch=True, startup_delay=False, interval=0, reload=False)

    job.refresh_from_db()
    assert job.status == TaskResultStatus.FAILED
    certificate = Certificate.objects.get()
    assert certificate.is_ready
    assert files_in(media) == [f"{certificate.pk}.pdf"]
    restarted = DBTaskResult.objects.exclude(pk=job.pk)
    assert restarted and all(r.status == TaskResultStatus.SUCCESSFUL for r in restarted)
