import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _run_settings(module, **env):
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    environment.update(
        {"DJANGO_SETTINGS_MODULE": module, "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}", **env}
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=str(ROOT), env=environment, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_settings("config.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key_and_debug_off():
    result = _run_settings("config.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.django_db
def test_database_settings_fit_the_engine():
    """SQLite: IMMEDIATE transactions, busy timeout, foreign keys; PostgreSQL: pooled, health-checked."""
    if connection.vendor == "sqlite":
        options = connection.settings_dict["OPTIONS"]
        assert options["transaction_mode"] == "IMMEDIATE"
        assert options["timeout"] >= 5
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1
    else:
        assert connection.vendor == "postgresql"
        assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_dev_database_is_a_wal_sqlite_file_by_default():
    code = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); "
        "print(connection.settings_dict['NAME'])"
    )
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(
        {"DJANGO_SETTINGS_MODULE": "config.settings.dev", "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}"}
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=str(ROOT), env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    mode, name = result.stdout.split()
    assert mode == "wal"
    assert name.endswith("var/db.sqlite3")


def test_the_production_settings_pass_the_deployment_checks():
    """`check --deploy` with the production settings: no warnings (HSTS, frames, cookies, ...)."""
    # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE for this process,
    # which a deployment never has (async.E001): the check must not inherit it.
    ignored = ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {k: v for k, v in os.environ.items() if k not in ignored}
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "k9!Qz" * 12,  # long and varied enough for security.W009
            "ALLOWED_HOSTS": "academie.example.org",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=str(ROOT),
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_production_keeps_the_sqlite_connection_between_requests():
    """A new SQLite connection reads and parses the whole schema on its first statement
    (about 1.6 ms, 4-7 ms of CPU per signed-in request through gunicorn: README,
    Performance): production keeps it, as it keeps PostgreSQL's."""
    code = (
        "import django; django.setup(); from django.db import connection; "
        "print(connection.vendor, connection.settings_dict['CONN_MAX_AGE'])"
    )
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
            "SECRET_KEY": "x" * 50,
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=str(ROOT), env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["sqlite", "60"]
