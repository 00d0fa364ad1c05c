"""The listening coach's rules applied to what was written after a round."""

from __future__ import annotations

from training.assessments.reflections.coach import coach_review


def coach_hints(texts) -> list:
    """The coach's hints for the written parts of a round, each rule once."""
    seen, hints = set(), []
    for text in texts:
        for hit in coach_review(text or ""):
            if hit.rule.key not in seen:
                seen.add(hit.rule.key)
                hints.append(hit)
    return hints
