"""Raw stream data for the solo practice blocks, and a lesson that has both."""

import uuid

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    build_course,
)

MODEL_SUMMARY = "Je zorgt elke dag voor je man en je mist dat iemand naar jou kijkt."
MODEL_QUESTION = "Wat zou je willen dat mensen jou vragen?"
REASONS = "<p>De samenvatting noemt de zorg én het gemis, zonder oordeel.</p>"


def respond_value(**overrides):
    value = {
        "persona": "Ans, mantelzorger",
        "situation": "Na de bijeenkomst, bij de koffie.",
        "statement": "Ik doe alles voor mijn man, maar niemand vraagt hoe het met mij gaat.",
        "model_summary": MODEL_SUMMARY,
        "model_question": MODEL_QUESTION,
        "reasons": REASONS,
    }
    value.update(overrides)
    return value


def respond_block(**overrides):
    return {"type": "respond", "id": str(uuid.uuid4()), "value": respond_value(**overrides)}


def _items(values):
    return [{"type": "item", "id": str(uuid.uuid4()), "value": v} for v in values]


def option_value(text, consequence="Er gebeurt iets.", question="Wat vind jij daarvan?"):
    return {"text": text, "consequence": consequence, "reflection_question": question}


def choice_value(text, *, deeper=None, **kwargs):
    value = option_value(text, **kwargs)
    situation, options = deeper or ("", [])
    value["follow_up_situation"] = situation
    value["follow_up_choices"] = _items(options)
    return value


def dilemma_value(choices=None, **overrides):
    choices = (
        choices
        if choices is not None
        else [
            choice_value(
                "Ik bel haar meteen terug.",
                consequence="Ze is opgelucht en belt je voortaan vaker 's nachts.",
                question="Wat betekent dat voor je eigen rust?",
                deeper=(
                    "Een week later belt ze weer, om één uur 's nachts.",
                    [
                        option_value(
                            "Ik spreek een vaste beltijd af.",
                            consequence="Ze vindt het even lastig, maar weet waar ze aan toe is.",
                            question="Welke tijd past bij jou?",
                        ),
                        option_value(
                            "Ik neem weer op.",
                            consequence="Je slaapt slecht en bent moe op je werk.",
                            question="Hoe lang houd je dat vol?",
                        ),
                    ],
                ),
            ),
            choice_value(
                "Ik antwoord de volgende ochtend.",
                consequence="Ze schrikt even, maar begrijpt het als je uitlegt waarom.",
                question="Hoe zeg je dat vriendelijk en duidelijk?",
            ),
        ]
    )
    value = {
        "title": "Een appje om middernacht",
        "situation": "<p>Een deelnemer appt je om middernacht dat ze niet kan slapen.</p>",
        "choices": _items(choices),
    }
    value.update(overrides)
    return value


def dilemma_block(**kwargs):
    return {"type": "dilemma", "id": str(uuid.uuid4()), "value": dilemma_value(**kwargs)}


def solo_lesson(*, sequential=False):
    """A live lesson with a respond block and a dilemma, and an active enrolment."""
    course = build_course(modules=0, sequential=sequential)
    module = ModulePageFactory(parent=course)
    respond = respond_block()
    lesson = LessonPageFactory(parent=module, body=[respond, dilemma_block()])
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    return lesson, enrolment, respond["id"]
