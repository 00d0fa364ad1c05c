"""`manage.py backup` on the cluster (PostgreSQL + S3): one consistent backup while it
serves, and the restore drill: that backup restored into a SECOND database, bucket, cache
and key folder of the cluster (never the live ones, which the app servers keep using) and
verified there: row counts per model, every certificate PDF against its SHA-256 in the
bucket, every credential against the restored DID document, and the live data untouched.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cluster.conftest import learner, wait_until
from tests.cluster.helpers import certified_course, complete

pytestmark = [pytest.mark.cluster, pytest.mark.usefixtures("live_db")]

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "cluster drill passphrase"
DRILL_DATABASE = "lotgenoot_restore_drill"
DRILL_BUCKET = "lotgenoot-restore-drill"


def _manage(*args, env=None, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, "BACKUP_PASSPHRASE": PASSPHRASE, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
        check=check,
    )


def _s3():
    import boto3

    return boto3.resource(
        "s3",
        endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"],
        region_name=os.environ["AWS_S3_REGION_NAME"],
    )


def _objects(bucket) -> dict[str, str]:
    """Key and ETag of every object but the readiness probes (written and deleted each poll)."""
    return {
        item.key: item.e_tag for item in bucket.objects.all() if "/.readyz/" not in f"/{item.key}"
    }


def _drill_database() -> str:
    """An empty second database on the cluster's PostgreSQL, made anew; its URL."""
    from django.db import connection

    live = os.environ["DATABASE_URL"]
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {DRILL_DATABASE}")
        cursor.execute(f"CREATE DATABASE {DRILL_DATABASE}")
    return live.rsplit("/", 1)[0] + f"/{DRILL_DATABASE}"


def _issued_certificate():
    """A certificate made by a cluster worker: its PDF in the bucket, its credential signed."""
    from training.certificates.models import Certificate
    from training.credentials.models import Credential

    ((_user, _password, enrolment),) = certified_course(learners=1)
    complete(enrolment)

    def issued():
        certificate = Certificate.objects.filter(enrolment=enrolment).exclude(pdf_sha256="")
        return certificate.first() if certificate.exists() else None

    certificate = wait_until(issued, seconds=180, what="a worker to issue the certificate")
    wait_until(
        lambda: Credential.objects.filter(certificate=certificate).exclude(jwt="").exists(),
        seconds=60,
        what="the certificate's credential",
    )
    return certificate


def test_a_backup_of_the_running_cluster(cluster, tmp_path):
    learner()  # at least one account in the dump
    done = _manage("backup", f"--output-dir={tmp_path}", "--keep=1")
    path = Path(done.stdout.strip().splitlines()[-1])
    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["database"] == {"vendor": "postgresql", "file": "database.pgdump"}
    assert manifest["rows"]["accounts.User"] >= 1
    assert {info["kind"] for info in manifest["storages"].values()} == {"s3-manifest"}
    assert (path / "database.pgdump").read_bytes()[:5] == b"PGDMP"
    assert "credential-keys.tar.enc" in manifest["files"]


def test_a_restore_drill_into_a_second_database_and_bucket(cluster, tmp_path):
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    from training.certificates.models import Certificate

    certificate = _issued_certificate()
    path = Path(_manage("backup", f"--output-dir={tmp_path}").stdout.strip().splitlines()[-1])
    manifest = json.loads((path / "manifest.json").read_text())

    live_bucket = _s3().Bucket(os.environ["AWS_STORAGE_BUCKET_NAME"])
    live_objects = _objects(live_bucket)
    live_users = get_user_model().objects.count()
    cache.set("restore-drill-sentinel", "live", timeout=600)
    # The operator's copy of the bucket (S3 replication or `aws s3 sync`): the backup lists
    # the objects (key, ETag); the restore checks each one is there, unchanged.
    drill_bucket = _s3().Bucket(DRILL_BUCKET)
    if drill_bucket.creation_date:
        drill_bucket.objects.all().delete()
    else:
        drill_bucket.create(ACL="private")
    for key in live_objects:
        drill_bucket.copy({"Bucket": live_bucket.name, "Key": key}, key)

    drill = {
        "DATABASE_URL": _drill_database(),
        "AWS_STORAGE_BUCKET_NAME": DRILL_BUCKET,
        "CACHE_URL": os.environ["CACHE_URL"].rsplit("/", 1)[0] + "/1",
        "CREDENTIALS_KEY_DIR": str(tmp_path / "drill-keys"),
        "MAINTENANCE_FILE": str(tmp_path / "drill-maintenance"),
    }
    done = _manage("restore", str(path), env=drill, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    # The restore compared the row counts per model with the manifest's (it refuses otherwise),
    # and checked every certificate PDF in the drill bucket and every credential.
    said = done.stdout.strip().splitlines()[-1]
    report = re.fullmatch(
        r"Restored (\d+) rows and (\d+) files; (\d+) certificate PDFs match their SHA-256, "
        r"(\d+) credentials verify against the DID document\.",
        said,
    )
    assert report, said
    rows, objects, pdfs, credentials = map(int, report.groups())
    assert rows == sum(manifest["rows"].values())
    assert objects == sum(info["files"] for info in manifest["storages"].values())
    assert pdfs >= 1
    assert credentials >= 1
    # The drill's keys are the live ones, decrypted from the backup.
    live_keys = sorted(p.name for p in Path(os.environ["CREDENTIALS_KEY_DIR"]).iterdir())
    assert sorted(p.name for p in (tmp_path / "drill-keys").iterdir()) == live_keys

    # Counted independently in the drill database: the same rows as the live one had.
    counted = _manage(
        "shell",
        "-c",
        "from training.operations.backup import row_counts; import json; "
        "print(json.dumps(row_counts()))",
        env=drill,
    )
    assert json.loads(counted.stdout.strip().splitlines()[-1]) == manifest["rows"]

    # Nothing live was touched: database, bucket, cache.
    assert get_user_model().objects.count() == live_users
    assert Certificate.objects.filter(pk=certificate.pk).exists()
    assert _objects(live_bucket) == live_objects
    assert cache.get("restore-drill-sentinel") == "live"
