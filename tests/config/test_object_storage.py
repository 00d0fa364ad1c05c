"""Media on S3-compatible object storage when production is told so (config/object_storage.py)."""

import json

import boto3
import environ
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from moto import mock_aws

from config.object_storage import S3_BACKEND, S3_BACKENDS, s3_storage, storages_on_s3
from tests.config.test_production import _production_env, _python

STORAGES_AS_JSON = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps(settings.STORAGES, default=str))"
)
BUCKET = "lotgenoot-media"
MEDIA_S3_BACKEND = S3_BACKENDS["training.files.storage.MediaStorage"]


def test_production_keeps_files_on_disk_without_a_bucket(tmp_path):
    result = _python(_production_env(tmp_path), STORAGES_AS_JSON)
    assert result.returncode == 0, result.stderr
    backends = {alias: entry["BACKEND"] for alias, entry in json.loads(result.stdout).items()}
    assert S3_BACKEND not in backends.values()
    assert MEDIA_S3_BACKEND not in backends.values()


def test_a_bucket_moves_every_file_storage_but_static_to_s3_privately(tmp_path):
    environment = _production_env(
        tmp_path,
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9",
        AWS_S3_REGION_NAME="eu-west-1",
    )
    result = _python(environment, STORAGES_AS_JSON)
    assert result.returncode == 0, result.stderr
    configured = json.loads(result.stdout)
    assert configured["staticfiles"]["BACKEND"] != S3_BACKEND
    # Images and documents keep their checking view as their URL (training/files).
    for alias, backend in (("default", MEDIA_S3_BACKEND), ("private", S3_BACKEND)):
        entry = configured[alias]
        assert entry["BACKEND"] == backend
        options = entry["OPTIONS"]
        assert options["bucket_name"] == BUCKET
        assert options["location"] == alias
        assert options["endpoint_url"] == "http://127.0.0.1:9"
        assert options["default_acl"] == "private"
        assert options["querystring_auth"] is True


def test_a_storage_added_later_follows_to_its_own_prefix():
    """Another app's storage (certificates, say) needs no code of its own to move along."""
    env = environ.Env()
    moved = storages_on_s3(
        _bucket_env(env),
        {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "certificates": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
    )
    assert moved["certificates"]["OPTIONS"]["location"] == "certificates"
    assert moved["staticfiles"]["BACKEND"].startswith("whitenoise")


def _bucket_env(env):
    env.ENVIRON = {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_REGION_NAME": "us-east-1"}
    return env


@pytest.fixture
def s3_media(settings, monkeypatch):
    """The configured S3 storage as `default`, on moto's in-process S3."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=BUCKET)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": s3_storage(_bucket_env(environ.Env()), location="default"),
        }
        yield storages["default"]


def test_a_stored_file_is_private_and_its_url_is_signed_and_short_lived(s3_media):
    name = s3_media.save("certificates/abc.pdf", ContentFile(b"%PDF-1.7 test"))

    client = boto3.client("s3", region_name="us-east-1")
    grants = client.get_object_acl(Bucket=BUCKET, Key=f"default/{name}")["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner only
    assert all("URI" not in grant["Grantee"] for grant in grants)  # no AllUsers group
    head = client.head_object(Bucket=BUCKET, Key=f"default/{name}")
    assert head["CacheControl"] == "private, no-store"

    url = s3_media.url(name)
    assert "X-Amz-Signature=" in url
    assert "X-Amz-Expires=300" in url
    with s3_media.open(name) as handle:
        assert handle.read() == b"%PDF-1.7 test"


def test_a_second_file_under_a_taken_name_does_not_overwrite_the_first(s3_media):
    first = s3_media.save("exports/data.zip", ContentFile(b"first"))
    second = s3_media.save("exports/data.zip", ContentFile(b"second"))
    assert first != second
    with s3_media.open(first) as handle:
        assert handle.read() == b"first"


def test_on_s3_an_image_s_url_is_the_checking_view_never_a_signed_address(settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=BUCKET)
        settings.STORAGES = {
            **settings.STORAGES,
            **storages_on_s3(
                _bucket_env(environ.Env()),
                {"default": {"BACKEND": "training.files.storage.MediaStorage"}},
            ),
        }
        media = storages["default"]
        name = media.save("original_images/handtekening.png", ContentFile(b"png"))
        assert media.url(name) == f"/bestanden/{name}"
        with media.open(name) as handle:
            assert handle.read() == b"png"
