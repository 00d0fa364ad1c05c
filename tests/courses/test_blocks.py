import pytest
from wagtail.blocks import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from tests.factories import (
    LessonPageFactory,
    ModulePageFactory,
    build_course,
    knowledge_check_block,
)
from training.courses.blocks import KnowledgeCheckBlock, LessonStreamBlock

pytestmark = pytest.mark.django_db

EXPECTED_BLOCKS = {
    "heading",
    "paragraph",
    "image",
    "video",
    "audio",
    "quote",
    "callout",
    "document",
    "exercise",
    "knowledge_check",
    "respond",
    "dilemma",
}


def test_lesson_body_offers_every_block_trainers_need():
    assert set(LessonStreamBlock.base_blocks) == EXPECTED_BLOCKS


@pytest.mark.parametrize("name", sorted(EXPECTED_BLOCKS))
def test_each_block_has_icon_template_and_preview(name):
    block = LessonStreamBlock().child_blocks[name]
    assert block.meta.icon not in (None, "placeholder")
    assert block.meta.template.startswith("blocks/")
    assert block.meta.preview_value is not None


def test_knowledge_check_needs_a_correct_option():
    block = KnowledgeCheckBlock()
    value = block.to_python(
        {
            "question": "Vraag?",
            "options": [
                {"text": "a", "is_correct": False, "feedback": "x"},
                {"text": "b", "is_correct": False, "feedback": "y"},
            ],
        }
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_image_block_requires_alt_text():
    block = LessonStreamBlock()
    value = block.to_python(
        [{"type": "image", "value": {"image": None, "alt_text": "", "caption": ""}}]
    )
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


def test_video_block_requires_a_transcript():
    block = LessonStreamBlock()
    value = block.to_python(
        [{"type": "video", "value": {"title": "x", "video": None, "transcript": ""}}]
    )
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(value)
    assert "transcript" in str(error.value.as_json_data())


def test_knowledge_check_page_does_not_reveal_correct_answers(client, catalog):
    course = build_course(catalog=catalog, modules=1, lessons_per_module=0)
    module = course.get_children().first()
    check = knowledge_check_block(
        question="Wat is de kern?",
        options=[("Luisteren", True, "GEHEIM-GOED"), ("Adviseren", False, "GEHEIM-FOUT")],
    )
    lesson = LessonPageFactory(parent=module, body=[check])

    html = client.get(lesson.url).content.decode()

    assert "Wat is de kern?" in html
    assert "Luisteren" in html and "Adviseren" in html
    assert "GEHEIM" not in html
    assert "is_correct" not in html and "true" not in html.lower().split("<body")[1].replace(
        'aria-hidden="true"', ""
    )


def test_every_block_renders_on_a_lesson(client, catalog):
    course = build_course(catalog=catalog, modules=1, lessons_per_module=0)
    module = ModulePageFactory(parent=course)
    body = [
        {"type": "heading", "value": {"text": "Kop twee", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Alinea</p>"},
        {"type": "quote", "value": {"text": "Ik werd gehoord.", "attribution": "Deelnemer"}},
        {
            "type": "callout",
            "value": {
                "kind": "attention",
                "title": "Let op",
                "text": "<p>Zorg goed voor jezelf.</p>",
            },
        },
        {
            "type": "exercise",
            "value": {
                "title": "Oefening",
                "scenario": "<p>Situatie</p>",
                "instruction": "<p>Opdracht</p>",
            },
        },
        {
            "type": "video",
            "value": {
                "title": "Filmpje",
                "video": None,
                "transcript": "<p>Uitgeschreven tekst</p>",
            },
        },
        knowledge_check_block(),
    ]
    lesson = LessonPageFactory(parent=module, body=body)

    html = client.get(lesson.url).content.decode()

    for expected in (
        "<h2>Kop twee</h2>",
        "Alinea",
        "Ik werd gehoord.",
        "Let op",
        "Oefening",
        "Uitgeschreven tekst",
        "Wat doe je eerst?",
    ):
        assert expected in html
