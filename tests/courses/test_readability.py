"""The Dutch readability measure: known sentences give known results."""

import pytest
from django.utils import translation

from training.courses.readability import (
    plain_text,
    readability,
    split_sentences,
    syllables,
    words_of,
)


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


PLAIN = (
    "De groep komt elke maand bij elkaar. Je luistert eerst. "
    "Daarna vat je samen wat je hoort. Dan vraag je door."
)
# One sentence of 28 words, with long and rare words.
OFFICIAL = (
    "Overeenkomstig de toepasselijke beleidsregels wordt de aanvrager verzocht de "
    "desbetreffende bewijsstukken inzake de inkomensafhankelijke tegemoetkoming "
    "binnen de daartoe gestelde termijn ter beschikking te stellen aan de uitvoeringsinstantie."
)


def test_sentences_end_at_punctuation_and_at_the_end_of_a_paragraph_or_list_item():
    html = "<h2>Luisteren</h2><p>Je luistert. Wat hoor je?</p><ul><li>Eerst luisteren</li><li>Dan samenvatten</li></ul>"

    assert split_sentences(plain_text(html)) == [
        "Luisteren",
        "Je luistert.",
        "Wat hoor je?",
        "Eerst luisteren",
        "Dan samenvatten",
    ]


def test_abbreviations_and_lower_case_do_not_end_a_sentence():
    text = "Je noemt bijv. Ans of Piet. Hij zegt: ‘Het gaat goed.’ Dat klopt."

    assert split_sentences(text) == [
        "Je noemt bijv. Ans of Piet.",
        "Hij zegt: ‘Het gaat goed.’",
        "Dat klopt.",
    ]


def test_words_keep_inner_hyphens_and_apostrophes():
    assert words_of("Met z’n drieën oefenen, zo’n 10 minuten: zelf-zorg!") == [
        "Met",
        "z’n",
        "drieën",
        "oefenen",
        "zo’n",
        "10",
        "minuten",
        "zelf-zorg",
    ]


@pytest.mark.parametrize(
    ("word", "count"),
    [("groep", 1), ("luisteren", 3), ("samenvatten", 4), ("inkomensafhankelijke", 8)],
)
def test_syllables_come_from_the_dutch_hyphenation_dictionary(word, count):
    assert syllables(word) == count


def test_short_sentences_of_common_words_are_b1():
    result = readability(PLAIN)

    assert result.sentences == 4
    assert result.words == 21
    assert result.average_sentence_length == pytest.approx(5.25)
    assert result.long_sentences == []
    assert result.hard_words == []
    assert result.douma > 80
    assert result.verdict == "B1" and result.reasons == []


def test_one_long_official_sentence_is_above_b1_with_its_reasons():
    result = readability(OFFICIAL)

    assert result.sentences == 1 and result.words == 27
    assert result.long_sentences == [OFFICIAL]
    assert {"inkomensafhankelijke", "uitvoeringsinstantie", "desbetreffende"} <= set(
        result.long_words
    )
    assert "bewijsstukken" in result.rare_words
    assert result.douma < 0
    assert result.verdict == "boven B1"
    assert result.reasons == [
        "Zinnen hebben gemiddeld 27,0 woorden; voor B1: 12 of minder.",
        (
            "30% van de woorden is lang of zeldzaam: toepasselijke, beleidsregels, "
            "aanvrager, desbetreffende, bewijsstukken."
        ),
        f"Leesgemak volgens Flesch-Douma is {result.douma:.0f}; een B1-tekst scoort 60 of meer.",
    ]


def test_the_course_terms_are_neither_long_nor_rare():
    result = readability("Een ervaringsdeskundige is gespreksbegeleider in lotgenotencontact.")

    assert result.hard_words == []


def test_douma_is_textstats_dutch_flesch_formula_on_our_counts():
    """Flesch-Douma: 206.835 − 0.93 × words per sentence − 77 × syllables per word."""
    text = "De groep komt bij elkaar. Je luistert eerst en je vraagt door."
    words = words_of(text)
    expected = 206.835 - 0.93 * len(words) / 2 - 77 * sum(syllables(w) for w in words) / len(words)

    assert readability(text).douma == pytest.approx(expected)


def test_an_empty_text_is_b1_with_nothing_counted():
    result = readability("<p> </p>")

    assert (result.sentences, result.words, result.douma, result.verdict) == (0, 0, 0.0, "B1")


def test_one_long_sentence_among_short_ones_is_no_verdict_two_are():
    long_sentence = (
        "Als je in de groep goed luistert naar wat de ander zegt, dan voelt die ander zich gehoord."
    )
    one = readability(f"{PLAIN} {long_sentence}")
    two = readability(f"{PLAIN} {long_sentence} {long_sentence}")

    assert one.long_sentences == [long_sentence] and one.verdict == "B1"
    assert two.verdict == "boven B1"
    assert two.reasons == ["2 van de 6 zinnen zijn langer dan 15 woorden."]
