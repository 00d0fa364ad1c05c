"""Production settings as a server runs them: gunicorn from the project root,
a cache shared between processes, JSON logs on stderr.

Each test starts real processes with config.settings.production against one
migrated scratch SQLite database (the test settings never apply here).
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _production_env(tmp: Path, **extra) -> dict:
    """The environment of a production process, without the test run's own settings."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "CACHE_URL", "LOG_LEVEL"}
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "production-test-" + "x" * 40,
            "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
            "STATIC_ROOT": str(tmp / "static"),
            "ALLOWED_HOSTS": "127.0.0.1,testserver",
            "XDG_RUNTIME_DIR": str(tmp),  # gunicorn's control socket, away from $HOME
            **extra,
        }
    )
    return environment


def _manage(environment, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def _python(environment, code: str) -> subprocess.CompletedProcess:
    environment = {**environment, "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}"}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def production_dir(tmp_path_factory):
    """A scratch production install: migrated database, cache table, collected static files."""
    tmp = tmp_path_factory.mktemp("production")
    environment = _production_env(tmp)
    _manage(environment, "migrate", "--no-input", "-v", "0")
    _manage(environment, "createcachetable")
    _manage(
        environment,
        "collectstatic",
        "--no-input",
        "-v",
        "0",
        "--settings",
        "tests.config.production_manifest_settings",
    )
    return tmp


def test_gunicorn_serves_the_site_from_the_project_root(production_dir):
    """The README's command, as written: `gunicorn config.wsgi` in the project root."""
    port = _free_port()
    environment = _production_env(
        production_dir, GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="2"
    )
    log = (production_dir / "gunicorn.log").open("w+")
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "config.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/",
            headers={"X-Forwarded-Proto": "https"},  # as the reverse proxy sends it
        )
        status, body = None, ""
        # Generous: on a loaded 2-core CI machine the first request (a cold worker) is slow.
        deadline = time.monotonic() + 180
        while status is None and server.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                    status, body = response.status, response.read().decode()
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        log.seek(0)
        assert status == 200, log.read()
        assert "Lotgenoot Academie" in body
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


def test_production_cache_is_shared_by_default_and_follows_cache_url(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "c = settings.CACHES['default']; print(c['BACKEND'], c['LOCATION'])"
    )
    default = _python(_production_env(tmp_path), code)
    assert default.returncode == 0, default.stderr
    assert default.stdout.split() == ["django.core.cache.backends.db.DatabaseCache", "django_cache"]

    redis = _python(_production_env(tmp_path, CACHE_URL="redis://cache.internal:6379/1"), code)
    assert redis.returncode == 0, redis.stderr
    backend, location = redis.stdout.split()
    assert backend.endswith(".RedisCache")
    assert location == "redis://cache.internal:6379/1"


_LOOKUPS = """
import django, time_machine
django.setup()
from django.test import RequestFactory
from training.certificates.ratelimit import lookup_allowed

request = RequestFactory().get("/verify/", REMOTE_ADDR="203.0.113.7")
with time_machine.travel(1_800_000_000, tick=False):  # both processes in the same window
    print(" ".join(str(lookup_allowed(request)) for _ in range({count})))
"""


def test_two_processes_share_one_lookup_limit(production_dir):
    """Two workers count one client's certificate lookups together (limit 3 a minute)."""
    environment = _production_env(production_dir, CERTIFICATE_VERIFY_RATE_LIMIT="3")
    first = _python(environment, _LOOKUPS.format(count=2))
    second = _python(environment, _LOOKUPS.format(count=2))
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert first.stdout.split() == ["True", "True"]
    assert second.stdout.split() == ["True", "False"]


_FAILING_POST = """
import django
django.setup()
import home.views

def search(request):
    raise RuntimeError("the search index is gone")

home.views.search = search  # before the URLconf is first imported
from django.test import Client
response = Client(raise_request_exception=False).post(
    "/zoeken/?q=zoekterm-van-iemand", {"reflectie": "mijn-persoonlijke-verhaal"}, secure=True
)
print(response.status_code)
"""


def test_a_server_error_is_one_json_line_on_stderr_without_the_request_body(production_dir):
    result = _python(_production_env(production_dir), _FAILING_POST)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "500"
    entries = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    errors = [entry for entry in entries if entry["logger"] == "django.request"]
    assert len(errors) == 1, result.stderr
    error = errors[0]
    assert error["level"] == "ERROR"
    assert (error["method"], error["path"], error["status"]) == ("POST", "/zoeken/", 500)
    assert "RuntimeError: the search index is gone" in error["traceback"]
    assert "mijn-persoonlijke-verhaal" not in result.stderr
    assert "zoekterm-van-iemand" not in result.stderr


def test_log_level_comes_from_the_environment(tmp_path):
    code = (
        "import django, logging; django.setup(); "
        "print(logging.getLevelName(logging.getLogger().level), "
        "logging.getLevelName(logging.getLogger('django').level))"
    )
    result = _python(_production_env(tmp_path, LOG_LEVEL="warning"), code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["WARNING", "WARNING"]
