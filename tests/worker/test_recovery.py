"""Taking over tasks whose worker died: only theirs, once, a bounded number of times."""

import datetime
import logging

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from training.assessments.notifications import send_decision
from training.certificates.tasks import certificate_issue_task
from training.worker import services
from training.worker.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db

LATER = datetime.timedelta(seconds=120)  # well past WORKER_STALE_AFTER_SECONDS


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WORKER_STALE_AFTER_SECONDS = 30
    settings.WORKER_INTERRUPTED_MAX_RETRIES = 3


def running(task, *, worker_id, **kwargs):
    """A task claimed by `worker_id`, as db_worker does just before it runs it."""
    result = DBTaskResult.objects.get(pk=task.enqueue(**kwargs).id)
    result.claim(worker_id)
    return result


def retries_of(result):
    return DBTaskResult.objects.exclude(pk=result.pk).filter(
        task_path=result.task_path, args_kwargs=result.args_kwargs
    )


def test_a_task_whose_worker_stopped_beating_is_failed_and_enqueued_again_once():
    services.worker_heartbeat(worker_id="dead")
    result = running(certificate_issue_task, worker_id="dead", enrolment_id=7)
    later = timezone.now() + LATER

    assert services.tasks_recover_interrupted(now=later) == 1
    assert services.tasks_recover_interrupted(now=later) == 0  # a second sweep: nothing left

    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED
    assert result.exception_class_path == "training.worker.services.WorkerInterrupted"
    [retry] = retries_of(result)
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs == {"args": [], "kwargs": {"enrolment_id": 7}}


def test_a_live_worker_keeps_its_task_however_long_it_runs():
    result = running(certificate_issue_task, worker_id="alive", enrolment_id=7)
    later = timezone.now() + LATER
    services.worker_heartbeat(worker_id="alive", now=later)

    assert services.tasks_recover_interrupted(now=later) == 0
    result.refresh_from_db()
    assert result.status == TaskResultStatus.RUNNING
    assert not retries_of(result).exists()


def test_a_task_just_claimed_is_left_alone_even_before_its_worker_first_beats():
    result = running(certificate_issue_task, worker_id="starting", enrolment_id=7)
    assert services.tasks_recover_interrupted() == 0
    # Without any heartbeat (a worker that never wrote one) it is taken over once stale.
    assert services.tasks_recover_interrupted(now=timezone.now() + LATER) == 1
    assert retries_of(result).count() == 1


def test_two_sweeps_at_the_same_time_take_a_task_over_once():
    """Both read the same interrupted task; the conditional update lets only one act."""
    result = running(certificate_issue_task, worker_id="dead", enrolment_id=7)
    later = timezone.now() + LATER
    first_read = services.interrupted_task_ids(now=later)
    second_read = services.interrupted_task_ids(now=later)
    assert first_read == second_read == [result.pk]

    assert services.tasks_take_over(ids=second_read, now=later) == 1
    assert services.tasks_take_over(ids=first_read, now=later) == 0
    assert retries_of(result).count() == 1


def test_a_task_interrupted_again_and_again_stops_being_retried(caplog):
    later = timezone.now()
    for _attempt in range(3):
        later += LATER
        running(certificate_issue_task, worker_id="dies", enrolment_id=7)
        assert services.tasks_recover_interrupted(now=later) == 1
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
            status=TaskResultStatus.SUCCESSFUL  # stand-in: the retry is dealt with
        )
    last = running(certificate_issue_task, worker_id="dies", enrolment_id=7)

    with caplog.at_level(logging.ERROR, logger="training.worker.services"):
        assert services.tasks_recover_interrupted(now=later + LATER) == 1

    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    assert f"result id={last.pk}" in caplog.text and "interrupted 4 times" in caplog.text
    assert "enrolment_id" not in caplog.text  # ids of results only, never arguments


def test_an_interrupted_task_that_is_not_safe_to_repeat_is_failed_but_not_enqueued():
    result = running(send_decision, worker_id="dead", submission_id=3, approved=True)
    assert services.tasks_recover_interrupted(now=timezone.now() + LATER) == 1
    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED
    assert not retries_of(result).exists()


def test_heartbeats_of_workers_gone_for_a_day_are_pruned():
    services.worker_heartbeat(worker_id="gone", now=timezone.now() - datetime.timedelta(days=2))
    services.worker_heartbeat(worker_id="here")
    services.worker_sweep()
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["here"]
