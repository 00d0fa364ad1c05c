"""`manage.py backup` on the cluster (PostgreSQL + S3): one consistent backup while it serves.

Only the backup: a restore replaces the database every app server uses, so the
restore drill runs in the normal suite (SQLite and PostgreSQL, tests/operations).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cluster.conftest import learner

pytestmark = [pytest.mark.cluster, pytest.mark.usefixtures("live_db")]

ROOT = Path(__file__).resolve().parents[2]


def test_a_backup_of_the_running_cluster(cluster, tmp_path):
    learner()  # at least one account in the dump
    env = {**os.environ, "BACKUP_PASSPHRASE": "cluster drill passphrase"}
    done = subprocess.run(
        [sys.executable, "manage.py", "backup", f"--output-dir={tmp_path}", "--keep=1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    path = Path(done.stdout.strip().splitlines()[-1])
    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["database"] == {"vendor": "postgresql", "file": "database.pgdump"}
    assert manifest["rows"]["accounts.User"] >= 1
    assert {info["kind"] for info in manifest["storages"].values()} == {"s3-manifest"}
    assert (path / "database.pgdump").read_bytes()[:5] == b"PGDMP"
    assert "credential-keys.tar.enc" in manifest["files"]
