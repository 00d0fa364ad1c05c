"""On S3 a backup lists the objects (key, size, ETag); a restore checks they are still there."""

import json

import boto3
import environ
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from moto import mock_aws

from config.object_storage import s3_storage
from training.operations import backup as ops

BUCKET = "lotgenoot-backup-test"


@pytest.fixture
def s3_everywhere(settings, monkeypatch, tmp_path):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    env = environ.Env()
    env.ENVIRON = {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_REGION_NAME": "us-east-1"}
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=BUCKET)
        settings.STORAGES = {
            alias: entry if alias == "staticfiles" else s3_storage(env, location=alias)
            for alias, entry in settings.STORAGES.items()
        }
        settings.CREDENTIALS_KEY_DIR = str(tmp_path / "keys")
        yield


def test_the_manifest_lists_every_object_and_the_check_finds_a_changed_one(s3_everywhere, tmp_path):
    storages["certificates"].save("2026/03/abc.pdf", ContentFile(b"%PDF-1.7 one"))
    storages["default"].save("original_images/foto.png", ContentFile(b"png"))
    storages["default"].save(".readyz/probe.probe", ContentFile(b"ok"))

    assert ops._s3_manifest("certificates", tmp_path) == 1
    assert ops._s3_manifest("default", tmp_path) == 1
    listed = json.loads((tmp_path / "storages" / "certificates.s3-manifest.json").read_text())
    assert [o["key"] for o in listed["objects"]] == ["certificates/2026/03/abc.pdf"]
    assert listed["objects"][0]["size"] == len(b"%PDF-1.7 one")
    assert ops._s3_check("certificates", tmp_path, storages["certificates"]) == 1

    storages["certificates"].delete("2026/03/abc.pdf")
    storages["certificates"].save("2026/03/abc.pdf", ContentFile(b"%PDF-1.7 two"))
    with pytest.raises(ops.RestoreIncomplete, match="1 objects of storage certificates"):
        ops._s3_check("certificates", tmp_path, storages["certificates"])


def test_the_media_storage_on_s3_is_listed_not_copied():
    """The media storage on S3 is a subclass of django-storages' S3Storage (its URLs are
    the checking view): a backup lists its objects like every other bucket prefix
    (found by the cluster's backup test, which saw it copied file by file)."""
    from training.files.s3 import MediaS3Storage

    assert ops._is_s3(MediaS3Storage(bucket_name="lotgenoot", location="default"))
