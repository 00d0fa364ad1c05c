"""The documents' side of the file rule: Wagtail's serve view asks it through its hook."""

from django.http import Http404
from wagtail import hooks

from .permissions import can_see_file


@hooks.register("before_serve_document")
def documents_only_for_their_audience(document, request):
    """A document outside the visitor's reach is a 404 (as if there were none)."""
    if not can_see_file(request.user, document):
        raise Http404
