"""The demo courses are written at language level B1 (training/courses/readability.py)."""

import pytest
from django.utils import translation

from training.courses.readability import COURSE_TEXT_PAGE_TYPES, page_readability
from training.demo.content_files import load_courses, page_build
from training.demo.seed import demo_images
from training.practice.demo import ACTIVITIES
from training.practice.models import PracticeActivityPage


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.children)


def _above_b1(pages):
    with translation.override("nl"):
        measured = [page_readability(page) for page in pages]
    return {
        m.page.title: [*m.overall.reasons, *m.overall.long_sentences]
        for m in measured
        if not m.overall.is_b1
    }


@pytest.mark.django_db
def test_every_demo_lesson_and_assignment_is_at_b1():
    images = demo_images()
    pages = [page_build(item, images=images) for c in load_courses() for item in _walk([c])]
    pages = [p for p in pages if p._meta.label_lower in COURSE_TEXT_PAGE_TYPES]

    assert len(pages) == 20  # 17 lessons, 3 assignments
    assert _above_b1(pages) == {}


@pytest.mark.django_db
def test_every_demo_practice_activity_is_at_b1():
    pages = [
        PracticeActivityPage(title=title, slug=slug, mode=mode, instructions=instructions)
        for _pillar, title, slug, mode, instructions in ACTIVITIES
    ]

    assert _above_b1(pages) == {}
