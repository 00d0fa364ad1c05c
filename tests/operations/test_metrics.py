"""/metrics: request counts per view and the platform's numbers, only for the monitoring system."""

import datetime
import os

import pytest
import time_machine
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    build_course,
    reflection_cohort,
)
from training.assessments.reflections.services import submission_get_or_create
from training.certificates.services import certificate_import
from training.certificates.tasks import certificate_issue_task
from training.worker.models import WorkerHeartbeat

NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)
TOKEN = "s3cret-metrics-token"


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = TOKEN
    return TOKEN


def scrape(client, **extra):
    response = client.get("/metrics", **extra)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode()


def samples(text):
    """{(name, frozenset(labels)): value} as a Prometheus server would parse the page."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(parsed, name, **labels):
    return parsed.get((name, frozenset(labels.items())))


@task()
def task_that_fails():
    raise RuntimeError("broken on purpose")


def failed_task():
    """A task that raises, run by django-tasks-db's own worker."""
    result = DBTaskResult.objects.get(pk=task_that_fails.enqueue().id)
    result.claim("worker-a")
    worker = Worker(
        queue_names=["default"],
        interval=1,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=1,
        worker_id="worker-a",
        excluded_queue_names=[],
    )
    worker.run_task(result)
    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED
    return result


def test_the_endpoint_shows_an_issued_certificate_and_a_failed_task(client, db, settings, token):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=build_course(modules=1)))
    before = samples(scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}"))
    assert value(before, "lotgenoot_certificates_issued") == 0

    certificate = certificate_import(enrolment=enrolment, issued_on=datetime.date(2026, 3, 1))
    assert certificate.pdf_sha256
    failed_task()

    parsed = samples(scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}"))
    assert value(parsed, "lotgenoot_certificates_issued") == 1
    assert value(parsed, "lotgenoot_certificates_pdf_pending") == 0
    assert (
        value(
            parsed,
            "lotgenoot_tasks_failed",
            queue="default",
            task=f"{__name__}.task_that_fails",
        )
        == 1
    )
    assert value(parsed, "lotgenoot_tasks", queue="default", status="FAILED") == 1


def test_the_endpoint_holds_nothing_personal(client, db, token):
    learner = UserFactory(display_name="Marieke Zonnebloem", email="marieke@example.org")
    EnrolmentFactory(learner=learner, cohort=CohortFactory(course=build_course(modules=1)))
    client.force_login(learner)
    client.get("/mijn/")
    text = scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert "Zonnebloem" not in text
    assert "marieke" not in text.lower()


def test_queue_depth_and_the_age_of_the_oldest_ready_task(client, db, settings, token):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with time_machine.travel(NOW - datetime.timedelta(minutes=10), tick=False):
        certificate_issue_task.enqueue(enrolment_id=1)
    with time_machine.travel(NOW - datetime.timedelta(minutes=2), tick=False):
        certificate_issue_task.enqueue(enrolment_id=2)
        # Scheduled for later: waiting, not ready.
        certificate_issue_task.using(run_after=NOW + datetime.timedelta(hours=1)).enqueue(
            enrolment_id=3
        )
    with time_machine.travel(NOW, tick=False):
        parsed = samples(scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}"))
    assert value(parsed, "lotgenoot_task_queue_depth", queue="default") == 2
    assert value(parsed, "lotgenoot_task_oldest_ready_age_seconds", queue="default") == 600
    assert value(parsed, "lotgenoot_tasks", queue="default", status="READY") == 3


def test_worker_heartbeat_ages(client, db, clock, settings, token):
    settings.WORKER_STALE_AFTER_SECONDS = 30
    WorkerHeartbeat.objects.create(
        worker_id="host-1:123", started_at=timezone.now(), last_seen=timezone.now()
    )
    WorkerHeartbeat.objects.create(
        worker_id="host-2:456",
        started_at=timezone.now(),
        last_seen=timezone.now() - datetime.timedelta(seconds=95),
    )
    parsed = samples(scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}"))
    assert value(parsed, "lotgenoot_worker_heartbeat_age_seconds", worker="host-1:123") == 0
    assert value(parsed, "lotgenoot_worker_heartbeat_age_seconds", worker="host-2:456") == 95
    assert value(parsed, "lotgenoot_workers_live") == 1


def test_requests_are_counted_per_view(client, db, token):
    client.get("/account/login/")
    parsed = samples(scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}"))
    assert (
        value(
            parsed,
            "django_http_responses_total_by_status_view_method_total",
            status="200",
            view="account_login",
            method="GET",
        )
        >= 1
    )
    assert any(
        name == "django_http_requests_latency_seconds_by_view_method_count"
        and dict(labels).get("view") == "account_login"
        for name, labels in parsed
    )


def test_a_throttled_sign_in_is_counted(client, db, token, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "1/m/ip"}
    before = value(
        samples(scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")),
        "lotgenoot_throttled_total",
        view="account_login",
    )
    for _ in range(3):
        last = client.post("/account/login/", {"login": "a@example.org", "password": "x"})
    assert last.status_code == 429
    after = value(
        samples(scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")),
        "lotgenoot_throttled_total",
        view="account_login",
    )
    assert after >= (before or 0) + 1


def test_without_the_token_the_endpoint_is_forbidden(client, db, token):
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION=TOKEN).status_code == 403


def test_without_a_token_configured_only_loopback_gets_the_page(client, db, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="::1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="10.0.0.5").status_code == 404
    # Through a proxy on the same machine the client is not on loopback.
    proxied = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert proxied.status_code == 404


def test_a_refused_scrape_costs_no_query(client, db, token):
    with CaptureQueriesContext(connections["default"]) as queries:
        assert client.get("/metrics").status_code == 403
    assert len(queries) == 0


def test_an_autosave_conflict_is_counted_with_no_text(client, db, token):
    assignment, (author, _peer) = reflection_cohort(learners=2)
    draft = submission_get_or_create(enrolment=author, assignment=assignment)
    client.force_login(author.learner)
    url = reverse("reflections:autosave", args=[draft.public_id])

    def autosave(text):
        return client.post(
            url,
            {"text": text, "base_revision": 0},
            content_type="application/json",
            headers={"Accept": "application/json"},
        )

    before = (
        value(
            samples(scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")),
            "lotgenoot_draft_saves_refused_total",
            reason="conflict",
        )
        or 0
    )
    assert autosave("Tekst uit venster een").status_code == 200
    assert autosave("Tekst uit venster twee").status_code == 409
    text = scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert value(samples(text), "lotgenoot_draft_saves_refused_total", reason="conflict") == (
        before + 1
    )
    assert "venster" not in text


def test_with_several_workers_the_counters_of_every_process_add_up(tmp_path):
    """PROMETHEUS_MULTIPROC_DIR (gunicorn with several workers): two processes, one sum."""
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import os, sys\n"
        "sys.path[:0] = ['.', 'site']\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings.test'\n"
        "import django; django.setup()\n"
        "import prometheus_client\n"
        "from training.operations.metrics import _process_registry, throttled\n"
        "throttled.labels(view='account_login').inc()\n"
        "sys.stdout.write(prometheus_client.generate_latest(_process_registry()).decode())\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        for _ in range(2)
    ]
    assert value(samples(outputs[1]), "lotgenoot_throttled_total", view="account_login") == 2
