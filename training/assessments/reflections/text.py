"""Reflections are plain text: we never store or render learner HTML."""

import html
import re

import nh3

_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def clean_text(text: str) -> str:
    """Strip every tag (pasted HTML cannot become markup) and normalise newlines.

    The result is plain text; templates escape it when they show it.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return html.unescape(nh3.clean(text, tags=set(), attributes={}, strip_comments=True))


def word_count(text: str) -> int:
    return len(_WORD.findall(text or ""))
