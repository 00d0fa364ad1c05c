"""Where certificate PDFs are kept, and how they reach the people allowed to have them.

Certificates live in their own storage, `STORAGES["certificates"]`: in
production a folder outside MEDIA_ROOT (PRIVATE_MEDIA_ROOT) that the web
server does not serve, later perhaps a bucket with a private ACL. A file
there has no URL: it is read through a view that first checks who asks
(see permissions.py), and handed over by Django (streaming) or, when
PROTECTED_FILES_SERVER says so, by the reverse proxy (X-Accel-Redirect for
nginx, X-Sendfile for Apache and others).
"""

from __future__ import annotations

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

from training.protected_files import protected_file_response

__all__ = ["certificate_storage", "certificate_storage_get", "protected_file_response"]

STORAGE_ALIAS = "certificates"


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage whose files have no URL (nothing links to them by accident)."""

    def url(self, name):
        raise ValueError("Private files have no URL: serve them through a view.")


class _CertificateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages[STORAGE_ALIAS]


certificate_storage = _CertificateStorage()


def certificate_storage_get():
    """The storage of `Certificate.pdf` (a callable, so migrations do not freeze a backend)."""
    return certificate_storage


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    """As Django does for default_storage: tests that override STORAGES get the new backend."""
    if setting == "STORAGES":
        certificate_storage._wrapped = empty
