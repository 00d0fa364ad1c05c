"""The page editor's readability check: a JSON endpoint in the admin.

The editor's script (`courses/readability.js`) sends the texts of the rich-text and text
blocks it sees, with the address of the editor it runs in; the answer is one measurement
per text (training/courses/readability.py), in Dutch words, or `applies: false` for a page
type that is no lesson, assignment or practice activity. It advises only: nothing is saved,
and the texts are neither logged nor cached (Wagtail sends every admin answer no-store).
A page the user may not edit is a 404.
"""

from __future__ import annotations

import json

from django.http import Http404, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from .readability import COURSE_TEXT_PAGE_TYPES, Readability, readability

MAX_TEXTS = 200
MAX_TEXT_LENGTH = 50_000


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _page_type(*, path: str, user) -> str | None:
    """The page type (`app_label.model`) of the editor at `path`; 404 for a page out of reach."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.view_name == "wagtailadmin_pages:edit":
        page = Page.objects.filter(pk=match.kwargs["page_id"]).first()
        if page is None or not page.permissions_for_user(user).can_edit():
            raise Http404
        return page.specific_class._meta.label_lower if page.specific_class else None
    if match.view_name == "wagtailadmin_pages:add":
        kwargs = match.kwargs
        return f"{kwargs['content_type_app_name']}.{kwargs['content_type_model_name']}".lower()
    return None


def _summary(result: Readability) -> list[str]:
    return [
        ngettext("%(count)s sentence", "%(count)s sentences", result.sentences)
        % {"count": result.sentences}
        + ", "
        + ngettext("%(count)s word", "%(count)s words", result.words) % {"count": result.words}
        + ", "
        + _("%(average)s words per sentence on average")
        % {"average": number_format(result.average_sentence_length, 1)},
        ngettext(
            "%(count)s sentence longer than 15 words",
            "%(count)s sentences longer than 15 words",
            len(result.long_sentences),
        )
        % {"count": len(result.long_sentences)},
        _("Long or rare words: %(words)s")
        % {"words": ", ".join(result.hard_words[:10]) if result.hard_words else _("none")},
        _("Flesch-Douma reading ease: %(score)s") % {"score": number_format(result.douma, 0)},
    ]


def _answer(result: Readability) -> dict:
    return {
        "is_b1": result.is_b1,
        "headline": _("Language level: B1") if result.is_b1 else _("Language level: above B1"),
        "reasons": result.reasons,
        "summary": _summary(result),
    }


def readability_check(request):
    if request.method != "POST":
        response = _error(_("Send the texts with POST."), status=405)
        response["Allow"] = "POST"
        return response
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return _error(_("The request is not valid JSON."))
    texts = data.get("texts") if isinstance(data, dict) else None
    path = data.get("path") if isinstance(data, dict) else None
    if (
        not isinstance(path, str)
        or not isinstance(texts, list)
        or len(texts) > MAX_TEXTS
        or not all(isinstance(text, str) and len(text) <= MAX_TEXT_LENGTH for text in texts)
    ):
        return _error(
            _("Send a path and a list of at most %(count)s texts.") % {"count": MAX_TEXTS}
        )
    try:
        page_type = _page_type(path=path, user=request.user)
    except Http404:
        return _error(_("Page not found."), status=404)
    if page_type not in COURSE_TEXT_PAGE_TYPES:
        return JsonResponse({"applies": False})
    return JsonResponse(
        {
            "applies": True,
            "why": _("Why?"),
            "advice": _("Advice only: you can always publish."),
            "results": [_answer(readability(text)) for text in texts],
        }
    )
