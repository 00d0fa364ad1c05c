"""Where images and documents are kept: private storage whose URLs lead to a checking view.

Every Wagtail image (original and renditions) and document lives in `STORAGES["default"]`,
and that storage is private: on disk a folder under PRIVATE_MEDIA_ROOT (`media/`) that the
web server does not serve, on S3 the private `default/` prefix (config/object_storage.py).
Its `url()` is never a file address but the view that asks the rule (`permissions.py`)
first: `/bestanden/<name>` (`training.files.views.serve_media`). So `{% image %}`, the
admin's listings and choosers, emails and pages all get a URL that checks who asks, and no
page can render a `/media/` address or a signed S3 address of a protected file.

Why one private storage for all, rather than moving a protected image's files between a
public and a private storage: the rule is asked at the moment of the request, from the
collection the image is in *now*, so moving an image into or out of a protected collection
takes effect at once, with no file to move (no half-done move between the database and the
disk or bucket, no rendition cached under an old address, nothing to repair). The price is
one small query per image request: public images are answered as cacheable
(`public, max-age`), and on the cluster nginx sends the bytes (X-Accel-Redirect, see
`protected_file_response`).
"""

from __future__ import annotations

import os

from django.core.files.storage import FileSystemStorage, InMemoryStorage
from django.urls import reverse


class ServedThroughViewMixin:
    """A storage whose file URLs are the checking view's, never the file's own."""

    def url(self, name):
        return reverse("files:serve", kwargs={"name": name})


class MediaStorage(ServedThroughViewMixin, FileSystemStorage):
    """On disk, outside MEDIA_ROOT (the `location` option: PRIVATE_MEDIA_ROOT/media)."""


class MediaInMemoryStorage(ServedThroughViewMixin, InMemoryStorage):
    """The same for the test suite: in memory, so no local path (InMemoryStorage would name
    one under MEDIA_ROOT, and Wagtail's document view would send that file from disk)."""

    def path(self, name):
        raise NotImplementedError("Files in memory have no path.")

    def _relative_path(self, name):
        return os.path.relpath(InMemoryStorage.path(self, name), self.location)
