"""The listening coach: gentle hints while a reviewer writes feedback.

Not a gate: hints point out advice phrases and closed questions, and suggest
an open question instead. The rules are one readable list (trainers could
extend it later); the same list drives the page (exported as JSON and run by
the browser's regular expressions) and the server-side summary below, so
both always agree. Patterns use only syntax that Python and JavaScript share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CoachRule:
    key: str
    kind: str  # "advice" or "closed_question"
    pattern: str  # case-insensitive; JS-compatible
    hint: str


OPEN_QUESTION_SUGGESTION = _(
    "Try an open question: start with wat, hoe, welke or waardoor, e.g. “Wat betekende dat voor jou?”"
)

RULES: list[CoachRule] = [
    CoachRule(
        "je-moet",
        "advice",
        r"\bje\s+moet\b",
        _("“je moet” sounds like advice. What did you hear in the story?"),
    ),
    CoachRule(
        "jij-moet",
        "advice",
        r"\bjij\s+moet\b",
        _("“jij moet” sounds like advice. What did you hear in the story?"),
    ),
    CoachRule(
        "zou-moeten",
        "advice",
        r"\b(je|jij)\s+zou(?:\s+\S+){0,4}?\s+moeten\b",
        _("“je zou … moeten” is advice in disguise. Can you ask about it instead?"),
    ),
    CoachRule(
        "probeer-eens",
        "advice",
        r"\bprobeer\s+(eens|het|dan)\b",
        _("“probeer eens” gives a solution. What would the writer want themselves?"),
    ),
    CoachRule(
        "mijn-advies",
        "advice",
        r"\bmijn\s+advies\b",
        _("“mijn advies” — was advice asked for? Listening first."),
    ),
    CoachRule(
        "als-ik-jou",
        "advice",
        r"\bals\s+ik\s+(jou|u)\s+was\b",
        _(
            "“als ik jou was” puts you in their place. Share your own experience instead, if you like."
        ),
    ),
    CoachRule(
        "waarom-niet",
        "advice",
        r"\bwaarom\s+(doe|ga|probeer)\s+je\s+niet\b",
        _("“waarom … je niet” is advice phrased as a question."),
    ),
    CoachRule(
        "closed-question",
        "closed_question",
        r"(^|[.!?]\s+|\n)\s*(heb|ben|kun|kan|wil|zou|ga|denk|vind|voel|weet|doe|mag|moet|is|was|had|hoop)\s+(je|jij|u)\b[^.!?\n]*\?",
        _("This question can be answered with yes or no."),
    ),
]

_COMPILED = [(rule, re.compile(rule.pattern, re.IGNORECASE)) for rule in RULES]


@dataclass(frozen=True)
class CoachHit:
    rule: CoachRule
    excerpt: str


def coach_review(text: str) -> list[CoachHit]:
    """Every rule that matches `text`, with the matching words, in rule order."""
    hits = []
    for rule, regex in _COMPILED:
        match = regex.search(text or "")
        if match:
            hits.append(CoachHit(rule=rule, excerpt=match.group(0).strip()))
    return hits


def coach_summary(*, summary: str, question: str, recognition: str = "") -> dict:
    """Server-side summary of a review: counts of advice and closed questions."""
    hits = coach_review("\n".join([summary, question, recognition]))
    return {
        "advice": sum(1 for h in hits if h.rule.kind == "advice"),
        "closed_questions": sum(1 for h in hits if h.rule.kind == "closed_question"),
        "keys": [h.rule.key for h in hits],
    }


def rules_for_browser() -> list[dict]:
    """The rule list as JSON-able dicts for the review page's script."""
    return [
        {"key": r.key, "kind": r.kind, "pattern": r.pattern, "hint": str(r.hint)} for r in RULES
    ]
