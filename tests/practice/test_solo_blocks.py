"""The solo practice blocks' definitions: validation in the page editor and previews."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import TrainerFactory, login_with_mfa
from tests.practice.solo_factories import choice_value, dilemma_value, option_value, respond_value
from training.courses.models import LessonPage

STREAM = LessonPage._meta.get_field("body").stream_block
RESPOND = STREAM.child_blocks["respond"]
DILEMMA = STREAM.child_blocks["dilemma"]


def _text(error) -> str:
    """The messages of a block's error as the page editor shows them."""
    non_block = getattr(error, "non_block_errors", None)
    if non_block:
        return " ".join(" ".join(getattr(e, "messages", [str(e)])) for e in non_block)
    return " ".join(str(m) for m in error.messages)


def _errors(block, raw) -> dict:
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(raw))
    return {name: _text(e) for name, e in caught.value.block_errors.items()}


def test_a_complete_respond_block_is_valid():
    value = RESPOND.clean(RESPOND.to_python(respond_value()))
    assert value["model_question"].endswith("?")


def test_the_model_answer_is_required_with_clear_dutch_errors():
    errors = _errors(RESPOND, respond_value(model_summary=" ", model_question="", reasons=""))
    assert set(errors) == {"model_summary", "model_question", "reasons"}
    assert "samenvatting van het modelantwoord" in errors["model_summary"]
    assert "open vraag van het modelantwoord" in errors["model_question"]
    assert "Leg uit waarom" in errors["reasons"]


def test_the_model_question_ends_with_a_question_mark():
    errors = _errors(RESPOND, respond_value(model_question="Vertel eens meer"))
    assert errors == {"model_question": "Sluit de open vraag af met een vraagteken."}


def test_a_dilemma_with_one_level_deeper_is_valid():
    value = DILEMMA.clean(DILEMMA.to_python(dilemma_value()))
    first, second = value.choice_list()
    assert first["deeper"]["situation"].startswith("Een week later")
    assert len(first["deeper"]["choices"]) == 2
    assert second["deeper"] is None


@pytest.mark.parametrize("count", [0, 1, 5])
def test_a_dilemma_needs_two_to_four_choices(count):
    choices = [choice_value(f"Keuze {n}") for n in range(count)]
    errors = _errors(DILEMMA, dilemma_value(choices=choices))
    assert list(errors) == ["choices"]
    if count < 5:  # five: Wagtail's own maximum says so first
        assert errors["choices"] == "Geef 2 tot 4 keuzes."


def test_a_deeper_level_needs_two_choices_and_a_situation():
    lonely = choice_value("A", deeper=("Dan gebeurt er dit.", [option_value("Alleen deze")]))
    no_situation = choice_value("B", deeper=("", [option_value("X"), option_value("Y")]))
    errors = _errors(DILEMMA, dilemma_value(choices=[lonely, no_situation]))
    assert list(errors) == ["choices"]
    per_choice = errors_of_list(DILEMMA, dilemma_value(choices=[lonely, no_situation]))
    assert "Geef 2 tot 4 keuzes." in per_choice[0]["follow_up_choices"]
    assert "Beschrijf de volgende situatie" in per_choice[1]["follow_up_situation"]


def errors_of_list(block, raw) -> dict:
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(raw))
    list_error = caught.value.block_errors["choices"]
    return {
        index: {name: _text(e) for name, e in err.block_errors.items()}
        for index, err in list_error.block_errors.items()
    }


@pytest.mark.parametrize("block", [RESPOND, DILEMMA], ids=["respond", "dilemma"])
def test_the_preview_value_is_valid(block):
    block.clean(block.get_preview_value())


@pytest.mark.django_db
def test_the_block_picker_preview_shows_the_whole_respond_block(client):
    login_with_mfa(client, TrainerFactory(is_superuser=True))
    response = client.get("/beheer/block-preview/", {"id": RESPOND.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ans, mantelzorger" in html and "Wat zou je willen dat mensen je vragen?" in html


@pytest.mark.django_db
def test_the_block_picker_preview_shows_the_dilemma(client):
    login_with_mfa(client, TrainerFactory(is_superuser=True))
    response = client.get("/beheer/block-preview/", {"id": DILEMMA.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<details" in html and "Een week later appt ze weer" in html
