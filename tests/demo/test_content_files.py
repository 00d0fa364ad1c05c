import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from training.courses.models import CoursePage, LessonPage
from training.demo.content_files import (
    CONTENT_DIR,
    DemoContentError,
    dumps,
    load_course,
    load_courses,
    normalise_html,
    page_build,
)
from training.demo.seed import courses_seed, demo_images

BASIC = "01-basiscursus-gespreksbegeleiding"
FIRST_LESSON = Path(BASIC, "01-ervaringsdeskundigheid", "01-wat-lotgenotencontact-geeft.toml")


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.children)


@pytest.fixture
def content(tmp_path):
    """A copy of the demo's content files, to break on purpose."""
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    return tmp_path / "content"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_content_files_hold_two_courses_of_modules_and_pages():
    courses = load_courses()

    assert [c.fields["title"] for c in courses] == [
        "Basiscursus gespreksbegeleiding lotgenotencontact",
        "Opfriscursus: je eigen grenzen bewaken",
    ]
    basic = courses[0]
    assert [m.fields["pillar"] for m in basic.children] == ["experience", "listening", "boundaries"]
    assert all(m.children[-1].kind == "reflection_assignment" for m in basic.children)
    lesson = basic.children[0].children[0]
    assert lesson.kind == "lesson" and lesson.fields["body"][0] == {
        "type": "heading",
        "text": "Samen met mensen die het kennen",
        "level": "h2",
    }
    # The readable line breaks between tags are not part of the rich text.
    assert "\n" not in lesson.fields["body"][1]["text"]


@pytest.mark.django_db
def test_every_content_file_builds_a_page_that_passes_full_clean():
    images = demo_images()
    pages = [page_build(item, images=images) for c in load_courses() for item in _walk([c])]

    lessons = [p for p in pages if isinstance(p, LessonPage)]
    assert len(pages) == 27 and len(lessons) == 17
    checks = [b for lesson in lessons for b in lesson.body if b.block_type == "knowledge_check"]
    assert checks and all(b.value.correct_option_ids() for b in checks)


@pytest.mark.django_db
def test_an_unknown_block_type_fails_with_the_file_and_the_block(content):
    _edit(content / FIRST_LESSON, 'type = "quote"', 'type = "citaat"')

    with pytest.raises(DemoContentError, match=r"01-wat-lotgenotencontact-geeft\.toml: body\[5\]"):
        load_courses(content)
    with pytest.raises(DemoContentError, match="unknown block type 'citaat'"):
        load_courses(content)


@pytest.mark.django_db
def test_a_missing_required_block_field_fails_with_the_file_and_the_field(content):
    _edit(
        content / FIRST_LESSON,
        'alt_text = "Een kring van stoelen in een lichte ruimte, klaar voor een groepsgesprek."\n',
        "",
    )
    lesson = load_course(content / BASIC, content).children[0].children[0]

    with pytest.raises(DemoContentError) as error:
        page_build(lesson, images=demo_images())
    message = str(error.value)
    assert "01-wat-lotgenotencontact-geeft.toml: body[2].alt_text:" in message
    assert "verplicht" in message or "required" in message


@pytest.mark.django_db
def test_a_knowledge_check_without_a_correct_option_fails(content):
    path = content / FIRST_LESSON
    _edit(path, "is_correct = true", "is_correct = false")
    lesson = load_course(content / BASIC, content).children[0].children[0]

    with pytest.raises(DemoContentError, match=r"body\[9\]\.options"):
        page_build(lesson, images=demo_images())


@pytest.mark.django_db
def test_a_bad_page_field_fails_full_clean_with_the_file_and_the_field(content):
    module = content / BASIC / "01-ervaringsdeskundigheid" / "module.toml"
    _edit(module, 'pillar = "experience"', 'pillar = "ervaring"')
    _edit(content / FIRST_LESSON, "duration_minutes = 40", "duration_minutes = -5")
    course = load_course(content / BASIC, content)

    with pytest.raises(DemoContentError, match=r"module\.toml: pillar:"):
        page_build(course.children[0], images={})
    with pytest.raises(DemoContentError, match=r"geeft\.toml: duration_minutes:"):
        page_build(course.children[0].children[0], images=demo_images())


def test_unknown_keys_and_page_types_fail_with_the_file(content):
    _edit(content / FIRST_LESSON, "duration_minutes = 40", "duration_minutes = 40\nminuten = 4")
    with pytest.raises(DemoContentError, match=r"geeft\.toml: unknown key\(s\) minuten"):
        load_courses(content)

    _edit(content / FIRST_LESSON, 'page_type = "lesson"', 'page_type = "quiz"')
    with pytest.raises(DemoContentError, match="page_type 'quiz'"):
        load_courses(content)


def test_rich_text_is_written_one_block_a_line_and_read_back_unchanged():
    html = "<p>Een <b>kring</b>.</p><ul><li>Een</li><li>Twee</li></ul><p>Tot slot</p>"
    from training.demo.content_files import Rich

    text = dumps({"text": Rich(html), "plain": 'Zeg "ja"'})

    assert text.count("\n") >= 6 and 'plain = "Zeg \\"ja\\""' in text
    import tomllib

    data = tomllib.loads(text)
    assert normalise_html(data["text"]) == html and data["plain"] == 'Zeg "ja"'


@pytest.mark.django_db
def test_demo_export_writes_a_cms_edit_back_and_everything_else_stays_equal(tmp_path):
    courses_seed()
    lesson = LessonPage.objects.get(slug="eerst-luisteren")
    lesson.title = "Eerst luisteren, dan pas helpen"
    body = list(lesson.body.raw_data)
    body[1]["value"] = "<p>Nieuw in het CMS: <i>eerst</i> luisteren.</p>"
    lesson.body = body
    lesson.save_revision().publish()

    call_command("demo_export", "basiscursus-gespreksbegeleiding", output=tmp_path)

    exported = load_course(tmp_path / "01-basiscursus-gespreksbegeleiding", tmp_path)
    original = load_courses()[0]
    changed = exported.children[1].children[0]
    assert changed.fields["title"] == "Eerst luisteren, dan pas helpen"
    assert changed.fields["body"][1] == {
        "type": "paragraph",
        "text": "<p>Nieuw in het CMS: <i>eerst</i> luisteren.</p>",
    }
    unchanged_before = original.children[1].children[0]
    unchanged_before.fields = {
        **unchanged_before.fields,
        "title": changed.fields["title"],
        "body": [
            *unchanged_before.fields["body"][:1],
            changed.fields["body"][1],
            *unchanged_before.fields["body"][2:],
        ],
    }
    assert exported.as_data() == original.as_data()
    # The export reads back through the real blocks as well.
    images = demo_images()
    assert all(page_build(item, images=images) for item in _walk([exported]))


@pytest.mark.django_db
def test_demo_export_replaces_the_files_of_the_same_course_only(tmp_path, content):
    courses_seed()
    course = CoursePage.objects.get(slug="opfriscursus-eigen-grenzen-bewaken")
    stale = content / "02-opfriscursus-eigen-grenzen-bewaken" / "01-grenzen-opnieuw-verkennen"
    (stale / "09-oud.toml").write_text('title = "Weg"\n', encoding="utf-8")

    call_command("demo_export", str(course.pk), output=content)

    assert not (stale / "09-oud.toml").exists()
    assert [c.as_data() for c in load_courses(content)] == [c.as_data() for c in load_courses()]


@pytest.mark.django_db
def test_demo_export_refuses_an_unknown_course(tmp_path):
    with pytest.raises(CommandError, match="geen-cursus"):
        call_command("demo_export", "geen-cursus", output=tmp_path)
