"""The participant's page is plain Dutch (level B1), measured, not guessed.

How: the Dutch text a participant reads (the answer page, every error it can show, the
thank-you and refusal pages) is taken from the rendered HTML, one block (heading,
paragraph, label, list item) at a time, split into sentences, and measured with
textstat's Flesch-Douma reading ease (the Dutch Flesch, textstat's `nl` constants) and
pyphen's Dutch hyphenation dictionary for syllables. The limits are the usual Dutch B1
writing advice, as the course-text readability check (branch wave3-plain) uses them:
Douma 60 or more ("fairly easy"), on average at most 12 words per sentence, no sentence
over 15 words, at most 1 in 10 words of 5 syllables or more.
"""

import re
from html.parser import HTMLParser

import pyphen
import pytest
import textstat
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from training.groups import errors

from .conftest import post_data

pytestmark = pytest.mark.django_db

BLOCKS = {"h1", "h2", "p", "li", "label", "legend", "div", "button", "a", "title"}
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self.current, self.skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "textarea", "head"):
            self.skip += 1
        if tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style", "textarea", "head"):
            self.skip -= 1
        if tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if WORD.search(text):
            self.blocks.append(text)
        self.current = []


def sentences(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    parser._flush()
    found = []
    for block in parser.blocks:
        found += [s for s in re.split(r"(?<=[.!?])\s+", block) if WORD.search(s)]
    return found


def participant_texts(moment) -> list[str]:
    cache.clear()
    url = reverse("groups:answer", kwargs={"token": moment.token})
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    pages = [client.get(url).content.decode()]
    pages.append(client.post(url, post_data(safe="", open_answer="x" * 1001)).content.decode())
    pages.append(client.post(url, post_data(open_answer="zie www.spam.nl")).content.decode())
    client.post(url, post_data())
    pages.append(
        client.get(reverse("groups:thanks", kwargs={"token": moment.token})).content.decode()
    )
    pages.append(client.get(url).content.decode())  # already answered
    texts = [s for page in pages for s in sentences(page)]
    from django.utils import translation

    with translation.override("nl"):
        for error in (errors.MomentClosed, errors.TooBusy, errors.AlreadyAnswered):
            texts.append(str(error.message))
    return sorted(set(texts))


def test_the_participant_reads_plain_dutch_at_b1(moment):
    texts = participant_texts(moment)
    assert "Wat hielp je vandaag?" in texts
    words = [w for text in texts for w in WORD.findall(text)]
    textstat.set_lang("nl")
    douma = textstat.flesch_reading_ease(" ".join(t if t[-1] in ".!?" else t + "." for t in texts))
    dic = pyphen.Pyphen(lang="nl_NL")
    long_words = [w for w in words if len(dic.inserted(w).split("-")) >= 5]
    lengths = {text: len(WORD.findall(text)) for text in texts}
    assert douma >= 60, douma
    assert sum(lengths.values()) / len(lengths) <= 12
    assert [t for t, n in lengths.items() if n > 15] == []
    assert len(long_words) / len(words) <= 0.1, long_words
