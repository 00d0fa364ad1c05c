"""The listening coach's rules, in Python (the browser runs the same patterns)."""

import re

import pytest

from training.assessments.reflections import coach

EXAMPLES = {
    "je-moet": ["Je moet echt meer rust nemen.", "Volgens mij je moet eerst slapen."],
    "jij-moet": ["Jij moet gewoon nee zeggen.", "Ik vind dat jij moet stoppen."],
    "zou-moeten": ["Je zou eens met je huisarts moeten praten.", "Jij zou dat moeten loslaten."],
    "probeer-eens": ["Probeer eens te wandelen.", "Probeer het gewoon, dan zie je het vanzelf."],
    "mijn-advies": ["Mijn advies is: neem afstand.", "Dus mijn advies zou zijn om te stoppen."],
    "als-ik-jou": ["Als ik jou was, zou ik stoppen.", "Als ik u was, belde ik de arts."],
    "waarom-niet": ["Waarom doe je niet gewoon yoga?", "Waarom ga je niet naar een andere groep?"],
    "closed-question": [
        "Heb je dat al met iemand besproken?",
        "Ik lees veel verdriet. Ben je daar nog boos over?",
        "Kun je daar met je partner over praten?",
        "Voel je je nu beter?",
    ],
}

NEUTRAL = [
    "Wat betekende dat voor jou?",
    "Hoe was het om dat op te schrijven?",
    "Ik lees dat je je eerst niet durfde te laten horen.",
    "Welke steun had je het meest nodig?",
    "Waardoor kreeg je weer vertrouwen?",
    "Dat herken ik: ik moest ook wennen aan de groep.",
    "Ik hoor dat je moe bent. Wat heb je nodig?",
]


def _keys(text):
    return {hit.rule.key for hit in coach.coach_review(text)}


def test_every_rule_has_examples():
    assert {rule.key for rule in coach.RULES} == set(EXAMPLES)


@pytest.mark.parametrize(
    ("key", "text"), [(key, text) for key, texts in EXAMPLES.items() for text in texts]
)
def test_rule_matches_its_dutch_examples(key, text):
    assert key in _keys(text)


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral_listening_sentences_get_no_hint(text):
    assert _keys(text) == set()


def test_matching_ignores_case_and_reports_the_words():
    hits = coach.coach_review("JE MOET dat echt doen")
    assert [h.rule.key for h in hits] == ["je-moet"]
    assert hits[0].excerpt == "JE MOET"


def test_summary_counts_advice_and_closed_questions():
    summary = coach.coach_summary(
        summary="Je moet rust nemen.", question="Heb je hulp gevraagd?", recognition=""
    )
    assert summary == {"advice": 1, "closed_questions": 1, "keys": ["je-moet", "closed-question"]}


def test_rules_for_the_browser_are_plain_json_with_translated_hints():
    rules = coach.rules_for_browser()
    assert [r["key"] for r in rules] == [r.key for r in coach.RULES]
    for rule in rules:
        assert set(rule) == {"key", "kind", "pattern", "hint"}
        assert isinstance(rule["hint"], str) and rule["hint"]
        assert rule["kind"] in {"advice", "closed_question"}


@pytest.mark.parametrize("rule", coach.RULES, ids=lambda r: r.key)
def test_patterns_use_only_syntax_javascript_shares(rule):
    # No named groups, lookbehinds, inline flags or possessive/atomic syntax.
    for construct in ("(?P<", "(?<=", "(?<!", "(?i", "(?>", "\\A", "\\Z"):
        assert construct not in rule.pattern
    re.compile(rule.pattern)
