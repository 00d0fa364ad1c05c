"""/healthz answers without the database; /readyz names the check that fails."""

import datetime
import json
from unittest import mock

import pytest
import time_machine
from django.core.files.storage import FileSystemStorage
from django.db import OperationalError, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from training.operations import health
from training.worker.models import WorkerHeartbeat

NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


class ReadOnlyStorage(FileSystemStorage):
    """A storage on a read-only mount: every write fails as the kernel would say."""

    def _save(self, name, content):
        raise PermissionError(30, "Read-only file system")


@pytest.fixture(autouse=True)
def _fresh_migration_check():
    health._migrations_checked.update(at=0.0, ok=False)
    yield
    health._migrations_checked.update(at=0.0, ok=False)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def live_worker(db, clock):
    return WorkerHeartbeat.objects.create(
        worker_id="worker-a", started_at=timezone.now(), last_seen=timezone.now()
    )


def _get(client, path, **extra):
    response = client.get(path, **extra)
    return response, json.loads(response.content)


def test_healthz_answers_without_touching_the_database(client, db):
    with CaptureQueriesContext(connections["default"]) as queries:
        response, body = _get(client, "/healthz")
    assert response.status_code == 200
    assert body == {"status": "alive"}
    assert len(queries) == 0
    assert "no-store" in response["Cache-Control"]
    assert "Set-Cookie" not in response.headers


def test_healthz_answers_when_the_database_is_down(client, db):
    with mock.patch.object(
        connections["default"], "ensure_connection", side_effect=OperationalError("down")
    ):
        response, _body = _get(client, "/healthz")
    assert response.status_code == 200


def test_healthz_ignores_an_unknown_host_header(client, db):
    # A load balancer probes by address; the host check would answer 400.
    response, _body = _get(client, "/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200


def test_readyz_is_ready_with_a_live_worker(client, live_worker):
    response, body = _get(client, "/readyz")
    assert response.status_code == 200, body
    assert body["status"] == "ready"
    assert set(body["checks"]) == {
        "database",
        "migrations",
        "cache",
        "storage:default",
        "storage:private",
        "storage:certificates",
        "workers",
        "maintenance",
    }
    assert set(body["checks"].values()) == {"ok"}
    assert "no-store" in response["Cache-Control"]


def test_readyz_is_unready_when_the_database_is_unreachable(client, live_worker):
    with mock.patch.object(
        connections["default"], "ensure_connection", side_effect=OperationalError("down")
    ):
        response, body = _get(client, "/readyz")
    assert response.status_code == 503
    assert body["status"] == "unready"
    assert body["checks"]["database"] == "fail: OperationalError"
    assert body["checks"]["workers"] == "fail: OperationalError"


def test_readyz_is_unready_when_a_storage_is_read_only(client, live_worker, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": f"{__name__}.ReadOnlyStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    response, body = _get(client, "/readyz")
    assert response.status_code == 503
    assert body["checks"]["storage:default"] == "fail: PermissionError"
    assert body["checks"]["storage:private"] == "ok"
    assert body["checks"]["database"] == "ok"


def test_readyz_leaves_no_probe_file_behind(client, live_worker, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    response, _body = _get(client, "/readyz")
    assert response.status_code == 200
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_readyz_is_unready_when_every_worker_is_gone(client, db, clock, settings):
    settings.WORKER_STALE_AFTER_SECONDS = 30
    WorkerHeartbeat.objects.create(
        worker_id="worker-a",
        started_at=timezone.now() - datetime.timedelta(hours=1),
        last_seen=timezone.now() - datetime.timedelta(seconds=31),
    )
    response, body = _get(client, "/readyz")
    assert response.status_code == 503
    assert body["checks"]["workers"] == "fail: NoLiveWorker"
    assert body["checks"]["database"] == "ok"


def test_readyz_is_unready_with_no_worker_at_all(client, db, clock):
    response, body = _get(client, "/readyz")
    assert response.status_code == 503
    assert body["checks"]["workers"] == "fail: NoLiveWorker"


def test_readyz_is_unready_with_an_unapplied_migration(client, live_worker):
    with mock.patch.object(
        health, "unapplied_migrations", return_value=[("certificates", "9999_future")]
    ):
        response, body = _get(client, "/readyz")
    assert response.status_code == 503
    assert body["checks"]["migrations"] == "fail: MigrationsPending"


def test_a_passing_migration_check_is_kept_for_a_short_time(live_worker, settings):
    settings.READINESS_MIGRATIONS_CACHE_SECONDS = 30
    with mock.patch.object(health, "unapplied_migrations", return_value=[]) as plan:
        health.check_migrations(now=100.0)
        health.check_migrations(now=129.0)
        assert plan.call_count == 1
        health.check_migrations(now=131.0)
        assert plan.call_count == 2


def test_readyz_is_unready_when_the_cache_fails(client, live_worker):
    with mock.patch("training.operations.health.cache.set", side_effect=ConnectionError):
        response, body = _get(client, "/readyz")
    assert response.status_code == 503
    assert body["checks"]["cache"] == "fail: ConnectionError"


def test_probes_are_not_page_cached_and_set_no_session(client, live_worker):
    for _ in range(2):
        response = client.get("/readyz")
        assert "X-Page-Cache" not in response.headers
        assert not response.cookies


def test_a_post_to_the_probe_paths_is_not_answered_by_the_probe(client, db):
    response = client.post("/healthz")
    assert response.status_code != 200
