"""Handing over a file a view has allowed: by Django, or by the reverse proxy.

`protected_file_response` is called only after the permission check. It streams the file
(Django), or, when PROTECTED_FILES_SERVER says so, lets the web server send it:
X-Accel-Redirect to PROTECTED_FILES_INTERNAL_URL + the file's path below
PRIVATE_MEDIA_ROOT (nginx, an `internal` location aliasing that folder), or X-Sendfile
with the file's path (Apache mod_xsendfile, lighttpd, Caddy plugins). Used for certificate PDFs
(`training.certificates.downloads`) and for images (`training.files.views`).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header

PRIVATE = "private, no-store"


def _internal_url(file) -> str:
    """The X-Accel-Redirect address of `file`: its path below PRIVATE_MEDIA_ROOT where it has
    one there (images: `media/<name>`), else its name (certificates: the storage is that root)."""
    relative = file.name
    try:
        path = Path(file.storage.path(file.name)).resolve()
        relative = path.relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve()).as_posix()
    except (NotImplementedError, ValueError):
        pass
    return f"{settings.PROTECTED_FILES_INTERNAL_URL.rstrip('/')}/{relative}"


def protected_file_response(
    file,
    *,
    filename: str,
    content_type: str,
    as_attachment: bool = True,
    cache_control: str = PRIVATE,
) -> HttpResponse:
    """The response that hands over `file` (a FieldFile); call it only after the permission check.

    Never cached unless `cache_control` says otherwise (public files). A missing file is a 404.
    """
    server = settings.PROTECTED_FILES_SERVER
    if server in ("nginx", "sendfile"):
        if not file.storage.exists(file.name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        if server == "nginx":
            response["X-Accel-Redirect"] = _internal_url(file)
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
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    return response
