"""The media storage on S3 (imported only where AWS_STORAGE_BUCKET_NAME is set: boto3 is heavy)."""

from storages.backends.s3 import S3Storage

from .storage import ServedThroughViewMixin


class MediaS3Storage(ServedThroughViewMixin, S3Storage):
    """The bucket's private `default/` prefix: a page never shows a signed S3 address."""
