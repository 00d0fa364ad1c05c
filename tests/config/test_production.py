"""Production settings as a server runs them: gunicorn from the project root.

Each test starts real processes with config.settings.production against one
migrated scratch SQLite database (the test settings never apply here).
"""

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
        deadline = time.monotonic() + 60
        while status is None and server.poll() is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                    status, body = response.status, response.read().decode()
            except (urllib.error.URLError, ConnectionError):
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
