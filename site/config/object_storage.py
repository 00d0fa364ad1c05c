"""Media on S3-compatible object storage, for more than one app server.

With several app servers and task workers, files written by one process
(an uploaded image, a certificate PDF rendered by a worker, a data export)
must be readable by every other: a local folder is not. When
AWS_STORAGE_BUCKET_NAME is set, production keeps every file storage except
the static files in that bucket, each under its own prefix (the storage's
alias), so a storage added to STORAGES later moves along without more code.

Private by default: objects are written with the `private` ACL and every URL
the storage hands out is signed and short-lived, so a bucket that is listed or
guessed serves nothing. Images and documents keep their checking view as
their URL (`S3_BACKENDS`), so no page shows a signed address; files with
personal data are only served through the views that check who asks (they
read the object and stream it).
"""

import environ

S3_BACKEND = "storages.backends.s3.S3Storage"
# Storages whose URLs are a checking view keep that on S3 (training/files/storage.py).
S3_BACKENDS = {"training.files.storage.MediaStorage": "training.files.s3.MediaS3Storage"}


def s3_storage(env: environ.Env, *, location: str, backend: str = S3_BACKEND) -> dict:
    """A STORAGES entry for the configured bucket, under the prefix `location`."""
    options = {
        "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
        "location": location,
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=300),
        "signature_version": "s3v4",
        # A second upload under a taken name gets a new name, as on disk.
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "private, no-store"},
    }
    # The endpoint, region and keys are optional: boto3 finds credentials
    # (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or an instance role) itself.
    for option, name in (
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("access_key", "AWS_ACCESS_KEY_ID"),
        ("secret_key", "AWS_SECRET_ACCESS_KEY"),
    ):
        value = env(name, default="")
        if value:
            options[option] = value
    return {"BACKEND": backend, "OPTIONS": options}


def storages_on_s3(env: environ.Env, storages: dict) -> dict:
    """`storages` with every entry but the static files in the bucket, when one is set."""
    if not env("AWS_STORAGE_BUCKET_NAME", default=""):
        return storages
    return {
        alias: entry
        if alias == "staticfiles"
        else s3_storage(env, location=alias, backend=S3_BACKENDS.get(entry["BACKEND"], S3_BACKEND))
        for alias, entry in storages.items()
    }
