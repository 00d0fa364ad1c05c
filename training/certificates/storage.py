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

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, Http404, HttpResponse
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header

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


def protected_file_response(
    file, *, filename: str, content_type: str, as_attachment: bool = True
) -> HttpResponse:
    """The response that hands over a protected file; call it only after the permission check.

    Never cached (`private, no-store`). A missing file is a 404.
    """
    server = settings.PROTECTED_FILES_SERVER
    if server in ("nginx", "sendfile"):
        if not file.storage.exists(file.name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        if server == "nginx":
            prefix = settings.PROTECTED_FILES_INTERNAL_URL.rstrip("/")
            response["X-Accel-Redirect"] = f"{prefix}/{file.name}"
        else:
            response["X-Sendfile"] = file.storage.path(file.name)
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    else:
        try:
            handle = file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        response = FileResponse(
            handle, as_attachment=as_attachment, filename=filename, content_type=content_type
        )
    response["Cache-Control"] = "private, no-store"
    return response
