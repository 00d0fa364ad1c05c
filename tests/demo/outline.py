"""A compact fingerprint of the demo courses' page tree, to compare seeds with."""

from __future__ import annotations

import hashlib
import json

from training.assessments.models import ReflectionAssignmentPage
from training.courses.models import CoursePage, LessonPage, ModulePage


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:16]


def _without_ids(raw):
    if isinstance(raw, dict):
        return {key: _without_ids(value) for key, value in raw.items() if key != "id"}
    if isinstance(raw, list):
        return [_without_ids(item) for item in raw]
    return raw


def _image_titles(stream) -> list:
    return [b.value["image"].title for b in stream if b.block_type == "image"]


def demo_outline() -> list[dict]:
    """One row per page of the demo courses, in tree order."""
    rows = []
    for page in CoursePage.objects.live().order_by("path").specific():
        for node in [page, *page.get_descendants().live().order_by("path").specific()]:
            row = {
                "path": node.url_path,
                "type": type(node).__name__,
                "title": node.title,
                "slug": node.slug,
            }
            if isinstance(node, CoursePage):
                row |= {
                    "intro": _digest(node.intro),
                    "target_audience": _digest(node.target_audience),
                    "learning_goals": [b.value for b in node.learning_goals],
                    "sequential": node.sequential,
                    "study_load_hours": node.study_load_hours,
                }
            elif isinstance(node, ModulePage):
                row |= {
                    "pillar": node.pillar,
                    "intro": _digest(node.intro),
                    "study_load_hours": node.study_load_hours,
                }
            elif isinstance(node, LessonPage):
                raw = _without_ids(list(node.body.raw_data))
                for item in raw:
                    if item["type"] == "image":
                        item["value"]["image"] = None
                row |= {
                    "summary": node.summary,
                    "duration_minutes": node.duration_minutes,
                    "blocks": [b.block_type for b in node.body],
                    "images": _image_titles(node.body),
                    "body": _digest(raw),
                    "knowledge_checks": [
                        b.value["question"] for b in node.body if b.block_type == "knowledge_check"
                    ],
                }
            elif isinstance(node, ReflectionAssignmentPage):
                row |= {
                    "prompt": _digest(node.prompt),
                    "guidance": _digest(node.guidance),
                    "words": [node.min_words, node.max_words],
                    "criteria": [[c.title, c.guidance, c.kind] for c in node.rubric_criteria.all()],
                }
            rows.append(row)
    return rows
