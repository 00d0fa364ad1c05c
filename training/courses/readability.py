"""Is a Dutch course text at language level B1? Advice for trainers, never a gate.

About 2.5 million Dutch adults read with great difficulty; Dutch public bodies write at
level B1 for them. This module measures a text (plain or the HTML of a rich-text block)
and gives a verdict, "B1" or "boven B1", with the reasons in plain words:

- sentences and words, the average sentence length and the long sentences (over
  `LONG_SENTENCE` words). A sentence ends at . ! ? or at the end of a paragraph, list item
  or heading (so a list item without a full stop is a sentence of its own);
- long words (`LONG_WORD_SYLLABLES` syllables or more, counted with pyphen's Dutch
  hyphenation dictionary) and rare words (Zipf frequency below `RARE_ZIPF` in wordfreq's
  Dutch word list, i.e. rarer than once in a million words). The course's own subject terms
  (`COURSE_TERMS`), which the course explains, count as neither;
- the Flesch-Douma reading ease (the Dutch adaptation of Flesch), computed by textstat
  with its Dutch constants (206.835 − 0.93 × words per sentence − 77 × syllables per word).

The verdict is "B1" when every limit in `LIMITS` holds; each broken limit is a reason.
The limits follow the usual Dutch B1 writing advice (short sentences of about ten to
fifteen words, common words, few long words) and Douma's scale (60 and up: "fairly easy").
The text is measured in memory only: nothing is stored, logged or cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from html.parser import HTMLParser

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

LONG_SENTENCE = 15  # words; a longer sentence is "long"
LONG_WORD_SYLLABLES = 5  # a word of this many syllables or more is "long"
RARE_ZIPF = 3.0  # wordfreq's Zipf scale: 3 = once per million words

# The limits of the verdict. A text "boven B1" breaks at least one of them.
AVERAGE_SENTENCE_MAX = 12.0  # words per sentence, on average
LONG_SENTENCE_SHARE_MAX = 0.2  # of the sentences (and at least two long sentences)
HARD_WORD_SHARE_MAX = 0.1  # long or rare words, of the words
DOUMA_MIN = 60.0  # Flesch-Douma reading ease

# The subject of the course: explained in its first lessons, so not "rare" for its
# readers, however rare in newspapers (stems; inflections and compounds ending in
# them count too, see `_is_course_term`).
COURSE_TERMS = frozenset(
    {
        "lotgenoot",
        "lotgenoten",
        "lotgenotencontact",
        "lotgenotengroep",
        "ervaringsdeskundige",
        "ervaringsdeskundigen",
        "ervaringsdeskundigheid",
        "gespreksbegeleider",
        "gespreksbegeleiders",
        "gespreksbegeleiding",
        "deelnemer",
        "deelnemers",
        "doorvragen",
        "samenvatten",
        "samenvatting",
        "zelfzorg",
        "intervisie",
    }
)

# Letters, with inner hyphens or apostrophes ("zelf-zorg", "zo'n"); digits make a word too.
WORD = re.compile(r"\w+(?:['’\-]\w+)*")
# A sentence ends at . ! ? (or …) followed by space and a capital, digit, quote or bracket.
SENTENCE_END = re.compile(r"(?<=[.!?…’”'\"»)])\s+(?=[A-ZÀ-Ý0-9‘“'\"«(])")
# Abbreviations that end in a full stop but not a sentence.
ABBREVIATION_END = re.compile(
    r"\b(?:bijv|bv|o\.a|d\.w\.z|enz|etc|z\.o\.z|m\.b\.v|i\.p\.v|nl|ca)\.$", re.I
)
BLOCK_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "div", "blockquote", "tr", "td", "th"}
)


class _TextOf(HTMLParser):
    """The text of an HTML fragment, a line break at the end of every block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(text: str) -> str:
    """The text of `text`, HTML or not; block elements become line breaks."""
    if "<" not in text:
        return text
    parser = _TextOf()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


def split_sentences(text: str) -> list[str]:
    """The sentences of a plain text: each line is split at sentence ends."""
    sentences = []
    for line in text.splitlines():
        pieces = SENTENCE_END.split(line.strip())
        current = ""
        for piece in pieces:
            current = f"{current} {piece}".strip() if current else piece
            if not ABBREVIATION_END.search(current):
                sentences.append(current)
                current = ""
        if current:
            sentences.append(current)
    return [sentence for sentence in sentences if WORD.search(sentence)]


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


@cache
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=4096)  # bounded: a long-running process sees many words
def syllables(word: str) -> int:
    """Syllables of a Dutch word, from pyphen's hyphenation points (at least one)."""
    return max(1, len(_hyphenator().positions(word.lower())) + 1)


def _is_course_term(word: str) -> bool:
    word = word.lower()
    return word in COURSE_TERMS or any(
        word.endswith(term) or word.startswith(term) for term in COURSE_TERMS
    )


@lru_cache(maxsize=4096)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


def is_rare(word: str) -> bool:
    if any(ch.isdigit() for ch in word) or _is_course_term(word):
        return False
    return zipf(word.lower()) < RARE_ZIPF


def is_long(word: str) -> bool:
    if _is_course_term(word):
        return False
    return syllables(word) >= LONG_WORD_SYLLABLES


def flesch_douma(text: str) -> float:
    """Flesch-Douma reading ease of `text`, by textstat's Dutch configuration."""
    from textstat.backend.metrics import flesch_reading_ease

    return flesch_reading_ease(text, "nl")


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    average_sentence_length: float
    long_sentences: list[str]
    long_words: list[str]
    rare_words: list[str]
    hard_words: list[str]  # long or rare, each once, in text order
    douma: float
    reasons: list[str] = field(default_factory=list)

    @property
    def is_b1(self) -> bool:
        return not self.reasons

    @property
    def verdict(self) -> str:
        return "B1" if self.is_b1 else "boven B1"

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "is_b1": self.is_b1,
            "sentences": self.sentences,
            "words": self.words,
            "average_sentence_length": round(self.average_sentence_length, 1),
            "long_sentences": self.long_sentences,
            "long_words": self.long_words,
            "rare_words": self.rare_words,
            "hard_words": self.hard_words,
            "douma": round(self.douma, 1),
            "reasons": self.reasons,
        }


def readability(text: str) -> Readability:
    """Measure a Dutch text (plain, or HTML from a rich-text field) against B1."""
    sentences = split_sentences(plain_text(text))
    sentence_words = [words_of(sentence) for sentence in sentences]
    words = [word for words in sentence_words for word in words]
    long_sentences = [
        sentence
        for sentence, words_in in zip(sentences, sentence_words, strict=True)
        if len(words_in) > LONG_SENTENCE
    ]
    unique = list(dict.fromkeys(word.lower() for word in words if not word.isdigit()))
    long_words = [word for word in unique if is_long(word)]
    rare_words = [word for word in unique if is_rare(word)]
    hard_words = [word for word in unique if word in long_words or word in rare_words]
    hard_count = sum(1 for word in words if not word.isdigit() and (is_long(word) or is_rare(word)))
    average = len(words) / len(sentences) if sentences else 0.0
    # Douma over the sentences as split here (each one closed by a full stop), so that
    # textstat counts list items and headings as the sentences they are.
    douma = flesch_douma(" ".join(_closed(sentence) for sentence in sentences)) if words else 0.0

    reasons = []
    if average > AVERAGE_SENTENCE_MAX:
        reasons.append(
            _("Sentences have %(average)s words on average; for B1: %(limit)s or fewer.")
            % {
                "average": number_format(average, 1),
                "limit": number_format(AVERAGE_SENTENCE_MAX, 0),
            }
        )
    # One long sentence among a few short ones is no verdict: it takes two or more.
    if len(long_sentences) > 1 and len(long_sentences) / len(sentences) > LONG_SENTENCE_SHARE_MAX:
        reasons.append(
            ngettext(
                "%(count)d of %(total)d sentences is longer than %(limit)d words.",
                "%(count)d of %(total)d sentences are longer than %(limit)d words.",
                len(long_sentences),
            )
            % {"count": len(long_sentences), "total": len(sentences), "limit": LONG_SENTENCE}
        )
    if words and hard_count / len(words) > HARD_WORD_SHARE_MAX:
        reasons.append(
            _("%(share)d%% of the words are long or rare: %(examples)s.")
            % {
                "share": round(100 * hard_count / len(words)),
                "examples": ", ".join(hard_words[:5]),
            }
        )
    if words and douma < DOUMA_MIN:
        reasons.append(
            _("Flesch-Douma reading ease is %(score)s; B1 text scores %(limit)s or more.")
            % {"score": number_format(douma, 0), "limit": number_format(DOUMA_MIN, 0)}
        )
    return Readability(
        sentences=len(sentences),
        words=len(words),
        average_sentence_length=average,
        long_sentences=long_sentences,
        long_words=long_words,
        rare_words=rare_words,
        hard_words=hard_words,
        douma=douma,
        reasons=reasons,
    )


def _closed(sentence: str) -> str:
    return sentence if sentence.rstrip("’”'\")»").endswith((".", "!", "?", "…")) else f"{sentence}."


# Page types whose text learners read as course content (app label and model name, so that
# this module needs none of the apps above it).
COURSE_TEXT_PAGE_TYPES = frozenset(
    {"courses.lessonpage", "assessments.reflectionassignmentpage", "practice.practiceactivitypage"}
)


@dataclass(frozen=True)
class BlockText:
    """One rich-text or text field or block of a page, with where it sits."""

    label: str
    text: str


def page_texts(page) -> list[BlockText]:
    """The rich-text and text fields and StreamField blocks a page type adds to Page.

    Char fields and char blocks (titles, headings, answer options) are left out: they are
    too short to measure; so are choices, numbers, links and images.
    """
    from wagtail.fields import RichTextField, StreamField
    from wagtail.models import Page

    page = page.specific
    texts: list[BlockText] = []
    for model_field in type(page)._meta.get_fields():
        if getattr(model_field, "model", None) is Page or not getattr(
            model_field, "concrete", False
        ):
            continue
        value = getattr(page, model_field.attname, None)
        label = str(model_field.verbose_name)
        if isinstance(model_field, StreamField):
            texts.extend(_stream_texts(model_field.stream_block, value, label))
        elif isinstance(model_field, RichTextField | models.TextField) and value:
            texts.append(BlockText(label=label, text=str(value)))
    return [text for text in texts if text.text.strip()]


def _stream_texts(block, value, label: str) -> list[BlockText]:
    from wagtail import blocks

    if value is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        found = []
        for position, child in enumerate(value, start=1):
            child_label = f"{label} {position}: {child.block.label}"
            found.extend(_stream_texts(child.block, child.value, child_label))
        return found
    if isinstance(block, blocks.ListBlock):
        found = []
        for item in value:
            found.extend(_stream_texts(block.child_block, item, label))
        return found
    if isinstance(block, blocks.StructBlock):
        found = []
        for name, child_block in block.child_blocks.items():
            found.extend(_stream_texts(child_block, value.get(name), label))
        return found
    if isinstance(block, blocks.RichTextBlock):
        return [
            BlockText(label=label, text=value.source if hasattr(value, "source") else str(value))
        ]
    if isinstance(block, blocks.TextBlock):
        return [BlockText(label=label, text=str(value))]
    return []


@dataclass(frozen=True)
class PageReadability:
    page: object
    blocks: list[tuple[BlockText, Readability]]
    overall: Readability


def page_readability(page) -> PageReadability:
    """Each text of a page measured on its own, and the page's text as a whole."""
    texts = page_texts(page)
    return PageReadability(
        page=page,
        blocks=[(text, readability(text.text)) for text in texts],
        overall=readability("\n".join(text.text for text in texts)),
    )
