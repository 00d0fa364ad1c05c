"""The growth chart: a small SVG drawn on the server, with a table beside it.

Two panels share the x axis (the rounds the learner listened in): counts per
round (open questions, closed questions, advice) and "felt heard" (1–4).
Series differ by line style and marker shape as well as colour, so the
chart does not rely on colour alone; the template gives it a title and a
description, and the table carries the same numbers for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

WIDTH, LEFT, RIGHT = 560, 48, 16
COUNT_TOP, COUNT_HEIGHT = 24, 150
HEARD_TOP, HEARD_HEIGHT = 218, 80
HEIGHT = HEARD_TOP + HEARD_HEIGHT + 34

SERIES = [
    ("open_questions", _("open questions"), "open"),
    ("closed_questions", _("closed questions"), "closed"),
    ("advice", _("advice"), "advice"),
]


@dataclass
class Series:
    key: str
    label: str
    css: str
    path: str
    markers: list


def _x(index: int, count: int) -> float:
    if count <= 1:
        return LEFT + (WIDTH - LEFT - RIGHT) / 2
    return LEFT + index * (WIDTH - LEFT - RIGHT) / (count - 1)


def _path(coords) -> str:
    parts, pen_down = [], False
    for coord in coords:
        if coord is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{coord[0]:.1f},{coord[1]:.1f}")
        pen_down = True
    return " ".join(parts)


def growth_chart(*, points) -> dict | None:
    """Coordinates for the template's SVG, or None without any round."""
    if not points:
        return None
    count = len(points)
    highest = max([p.measures.get(key) or 0 for p in points for key, _label, _css in SERIES] + [4])
    top = int(highest + (4 - highest % 4) % 4) or 4

    def y_count(value):
        return COUNT_TOP + COUNT_HEIGHT * (1 - value / top)

    def y_heard(value):
        return HEARD_TOP + HEARD_HEIGHT * (1 - (value - 1) / 3)

    series = []
    for key, label, css in SERIES:
        coords = [
            (_x(i, count), y_count(p.measures[key])) if p.measures.get(key) is not None else None
            for i, p in enumerate(points)
        ]
        series.append(
            Series(key, str(label), css, _path(coords), [c for c in coords if c is not None])
        )
    heard_coords = [
        (_x(i, count), y_heard(p.felt_heard)) if p.felt_heard is not None else None
        for i, p in enumerate(points)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "series": series,
        "heard_path": _path(heard_coords),
        "heard_markers": [c for c in heard_coords if c is not None],
        "count_ticks": [{"value": v, "y": y_count(v)} for v in range(0, top + 1, max(1, top // 4))],
        "heard_ticks": [{"value": v, "y": y_heard(v)} for v in range(1, 5)],
        "x_labels": [{"x": _x(i, count), "label": p.label} for i, p in enumerate(points)],
        "count_bottom": COUNT_TOP + COUNT_HEIGHT,
        "heard_bottom": HEARD_TOP + HEARD_HEIGHT,
        "count_top": COUNT_TOP,
        "heard_top": HEARD_TOP,
        "x_axis_y": HEARD_TOP + HEARD_HEIGHT + 22,
    }
