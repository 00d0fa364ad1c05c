"""A reflection post over the request-body limit gets a clear answer, not a broken connection.

Django refuses a body over `DATA_UPLOAD_MAX_MEMORY_SIZE` when the CSRF check
first reads the form, and answers before reading the body: the browser then
sees the connection reset while it is still sending, and the editor would
retry forever. For the learner's reflection pages this middleware answers
413 first (JSON for the editor, a page for the plain form), after reading
and discarding the body so the answer arrives.
"""

from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve

from . import errors

# Beyond this, the body is not read at all: no editor sends it (it checks the size first).
DRAIN_LIMIT = 32 * 1024 * 1024
CHUNK = 64 * 1024


class DraftBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and self._too_big(request) and self._is_reflection(request):
            self._drain(request)
            return self._too_long(request)
        return self.get_response(request)

    @staticmethod
    def _too_big(request) -> bool:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return limit is not None and length > limit

    @staticmethod
    def _is_reflection(request) -> bool:
        try:
            return resolve(request.path_info).namespace == "reflections"
        except Resolver404:
            return False

    @staticmethod
    def _drain(request) -> None:
        remaining = min(int(request.META["CONTENT_LENGTH"]), DRAIN_LIMIT)
        while remaining > 0:
            chunk = request.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)

    @staticmethod
    def _too_long(request):
        error = errors.DraftTooLong(settings.REFLECTION_DRAFT_MAX_CHARS)
        if "application/json" in request.headers.get("Accept", ""):
            data = {"error": str(error.message), "too_long": True, "max_chars": error.max_chars}
            response = JsonResponse(data, status=413)
        else:
            response = TemplateResponse(
                request, "assessments/draft_too_long.html", {"error": error}, status=413
            ).render()  # answered here, outside the view: nobody else renders it
        response["Cache-Control"] = "no-store, private"
        return response
