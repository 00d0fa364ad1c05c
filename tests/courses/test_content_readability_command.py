"""`manage.py content_readability [course]`: a table per page, a verdict and its reasons."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.courses.test_readability import OFFICIAL, PLAIN
from tests.factories import (
    CatalogPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    ReflectionAssignmentPageFactory,
    paragraph_block,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    course = CoursePageFactory(parent=CatalogPageFactory(), slug="basis")
    module = ModulePageFactory(parent=course)
    LessonPageFactory(
        parent=module,
        title="Eenvoudige les",
        body=[
            {"type": "heading", "value": {"text": "Luisteren", "level": "h2"}},
            paragraph_block(f"<p>{PLAIN}</p>"),
        ],
    )
    LessonPageFactory(
        parent=module,
        title="Ambtelijke les",
        body=[paragraph_block(f"<p>{PLAIN}</p>"), paragraph_block(f"<p>{OFFICIAL}</p>")],
    )
    ReflectionAssignmentPageFactory(parent=module, title="Reflectie", prompt=f"<p>{PLAIN}</p>")
    return course


def _run(*args):
    out = StringIO()
    call_command("content_readability", *args, stdout=out, no_color=True)
    return out.getvalue()


def test_a_table_per_page_with_a_row_per_block_and_one_for_the_page(course):
    output = _run("basis")

    assert (
        output.index("Eenvoudige les") < output.index("Ambtelijke les") < output.index("Reflectie")
    )
    simple = output[output.index("Eenvoudige les") : output.index("Ambtelijke les")]
    lines = simple.splitlines()
    assert lines[1].split() == [
        "block", "sentences", "words", "avg", "long", "sent.", "hard", "words", "Douma", "verdict"
    ]  # fmt: skip
    # The heading is a char block: too short to measure, so only the paragraph has a row.
    assert lines[2].split()[-7:-2] == ["4", "21", "5.2", "0", "0"]
    assert lines[2].endswith(" B1") and lines[3].startswith("= page") and lines[3].endswith(" B1")

    official = output[output.index("Ambtelijke les") : output.index("Reflectie")]
    rows = official.splitlines()
    assert rows[2].endswith(" B1") and rows[3].endswith("boven B1")
    assert rows[4].startswith("= page") and rows[4].endswith("boven B1")
    # 5 sentences of 48 words (9.6 on average), one of them long: the page's reasons are its words.
    reasons = [line for line in rows if line.startswith("  - ")]
    assert len(reasons) == 2
    assert "van de woorden is lang of zeldzaam: toepasselijke, beleidsregels" in reasons[0]
    assert reasons[1].startswith("  - Leesgemak volgens Flesch-Douma is ")
    assert output.rstrip().endswith("2 of 3 pages at B1.")


def test_every_course_without_an_argument_and_a_clear_error_for_an_unknown_one(course):
    other = CoursePageFactory(parent=course.get_parent(), slug="ander")
    LessonPageFactory(parent=ModulePageFactory(parent=other), title="Andere les")

    assert "Andere les" in _run() and "Andere les" not in _run(str(course.pk))
    with pytest.raises(CommandError, match="No course with id or slug 'bestaat-niet'"):
        _run("bestaat-niet")


def test_strict_fails_when_a_page_is_above_b1(course):
    with pytest.raises(CommandError, match="Above B1: Ambtelijke les"):
        _run("basis", "--strict")
