"""The views that hand over images and documents, each after asking `can_see_file`.

- `serve_media` answers every image URL (`/bestanden/<name>`, the storage's `url()`):
  an original (`original_images/…`) or a rendition (`images/…`). A file the visitor may
  not see is a 404, the same as a file that does not exist.
- `serve_document` is Wagtail's own document view (`/documenten/<id>/<name>`), whose
  `before_serve_document` hook (`wagtail_hooks.py`) refuses with a 404; this wrapper only
  sets the cache header: `private, no-store` for a protected document.
"""

from __future__ import annotations

import mimetypes
import posixpath

from django.http import Http404
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_document_serve
from wagtail.images import get_image_model

from training.protected_files import PRIVATE, protected_file_response

from .permissions import can_see_file, is_public_file

#: Public files: cached for an hour (a file moved into a protected collection drops out
#: of caches within that hour; the file itself is refused at once).
PUBLIC = "public, max-age=3600"
ORIGINALS, RENDITIONS = "original_images/", "images/"


def _image_and_file(name: str):
    """The image `name` belongs to and its file, or None (a name no image or rendition has)."""
    Image = get_image_model()
    if name.startswith(ORIGINALS):
        image = Image.objects.filter(file=name).select_related("collection").first()
        return (image, image.file) if image else None
    if name.startswith(RENDITIONS):
        Rendition = Image.get_rendition_model()
        rendition = Rendition.objects.filter(file=name).select_related("image__collection").first()
        return (rendition.image, rendition.file) if rendition else None
    return None


@require_safe
def serve_media(request, name: str):
    found = _image_and_file(name)
    if found is None:
        raise Http404
    image, file = found
    public = is_public_file(image)
    if not (public or can_see_file(request.user, image)):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if not content_type.startswith("image/"):
        raise Http404
    response = protected_file_response(
        file,
        filename=posixpath.basename(name),
        content_type=content_type,
        as_attachment=False,
        cache_control=PUBLIC if public else PRIVATE,
    )
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def serve_document(request, document_id: int, document_filename: str):
    """Wagtail's document view (its hook refuses outsiders), with our cache header."""
    response = wagtail_document_serve(request, document_id, document_filename)
    if response.status_code in (200, 304):
        document = get_document_model().objects.get(pk=document_id)
        response["Cache-Control"] = PUBLIC if is_public_file(document) else PRIVATE
    return response
