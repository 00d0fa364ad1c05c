"""Reflections are plain text: we never store or render learner HTML."""

import html
import re

import nh3
from django.conf import settings

from . import errors

_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
# U+FFFD is what a broken encoding leaves behind (invalid UTF-8 in a form post
# is decoded to it): refusing it says so, instead of storing the damage.
_UNSAVEABLE = re.compile("[\x00\ufffd\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Strip every tag (pasted HTML cannot become markup) and normalise newlines.

    The result is plain text; templates escape it when they show it.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return html.unescape(nh3.clean(text, tags=set(), attributes={}, strip_comments=True))


def draft_text_check(text) -> str:
    """The one check of a draft text before it is saved: refused, never silently changed.

    Missing text (None) is refused rather than read as "empty", so a broken
    request can never empty a draft. NUL, lone surrogates and U+FFFD are
    refused; so is a text over `REFLECTION_DRAFT_MAX_CHARS` characters.
    """
    if text is None:
        raise errors.DraftTextMissing()
    if not isinstance(text, str):
        raise errors.UnreadableRequest()
    if _UNSAVEABLE.search(text):
        raise errors.InvalidCharacters()
    if len(text) > settings.REFLECTION_DRAFT_MAX_CHARS:
        raise errors.DraftTooLong(settings.REFLECTION_DRAFT_MAX_CHARS)
    return clean_text(text)


def word_count(text: str) -> int:
    return len(_WORD.findall(text or ""))
