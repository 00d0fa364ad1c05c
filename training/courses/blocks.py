"""Blocks that only make sense inside a course: exercises and knowledge checks."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from training import blocks as shared

from .solo_blocks import DilemmaBlock, RespondBlock


class ExerciseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    scenario = blocks.RichTextBlock(label=_("Scenario"), features=shared.RICH_TEXT_FEATURES)
    instruction = blocks.RichTextBlock(label=_("Instruction"), features=shared.RICH_TEXT_FEATURES)

    class Meta:
        icon = "group"
        label = _("Practice exercise")
        template = "blocks/exercise.html"
        preview_value = {
            "title": "Een nieuwe deelnemer",
            "scenario": "<p>Een nieuwe deelnemer vertelt aan één stuk door.</p>",
            "instruction": "<p>Oefen een samenvatting in twee zinnen.</p>",
        }
        description = _("A group situation and what the learner practises with it.")


class KnowledgeCheckOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer option"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("This option is correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"), help_text=_("Shown after answering: why this option is (not) right.")
    )

    class Meta:
        icon = "tick"
        label = _("Option")


class KnowledgeCheckValue(blocks.StructValue):
    """Template and grading helpers that never expose which option is correct."""

    def choices(self):
        """(option id, text) pairs: all a page may show before answering."""
        return [(child.id, child.value["text"]) for child in self["options"].bound_blocks]

    def correct_option_ids(self) -> frozenset[str]:
        return frozenset(
            child.id for child in self["options"].bound_blocks if child.value["is_correct"]
        )

    def feedback_by_option(self) -> dict[str, str]:
        return {child.id: child.value["feedback"] for child in self["options"].bound_blocks}

    def allows_multiple(self) -> bool:
        return len(self.correct_option_ids()) > 1


class KnowledgeCheckBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    options = blocks.ListBlock(KnowledgeCheckOptionBlock(), min_num=2, label=_("Options"))

    class Meta:
        icon = "tasks"
        label = _("Knowledge check")
        template = "blocks/knowledge_check.html"
        value_class = KnowledgeCheckValue
        preview_value = {
            "question": "Wat is de kern van lotgenotencontact?",
            "options": [
                {"text": "Een luisterend oor bieden", "is_correct": True, "feedback": "Juist."},
                {"text": "Goed advies geven", "is_correct": False, "feedback": "Liever niet."},
            ],
        }
        description = _("A question with options, which are correct, and feedback per option.")

    def clean(self, value):
        value = super().clean(value)
        if not any(option["is_correct"] for option in value["options"]):
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark at least one option as correct."))}
            )
        return value


class LessonStreamBlock(blocks.StreamBlock):
    heading = shared.HeadingBlock()
    paragraph = shared.ParagraphBlock()
    image = shared.ImageBlock()
    video = shared.VideoBlock()
    audio = shared.AudioBlock()
    quote = shared.QuoteBlock()
    callout = shared.CalloutBlock()
    document = shared.DocumentBlock()
    exercise = ExerciseBlock()
    knowledge_check = KnowledgeCheckBlock()
    respond = RespondBlock()
    dilemma = DilemmaBlock()
