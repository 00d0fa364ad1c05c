"""Solo practice blocks for lessons: "respond to this" and the dilemma.

Only the definitions live here (courses sits below practice in the app
order). A learner's answers to a "respond to this" block are stored and
shown by `training.practice.solo`, which reaches the lesson page through the
learner context registry (`training.courses.context`); the block itself holds
plain fields only, never a reference to a practice model.

Rules a reader could get wrong:
- a dilemma is rendered per visitor (`PER_VISITOR_BLOCKS`): an enrolled
  learner sees their own path through it ("Jouw keuzes", kept by
  `training.practice.dilemmas`); a visitor's page holds nothing personal;
- the trainer's model answer (summary, open question, why it works) is shown
  to a learner only after they answered: the value class keeps it apart, and
  the template renders it only from the learner's stored answer;
- a dilemma has two to four choices; a choice may go one level deeper with
  a follow-up situation of its own two to four choices (no deeper than that).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from training import blocks as shared

CHOICES_MIN = 2
CHOICES_MAX = 4


def _blank(value) -> bool:
    return not str(value or "").strip()


class RespondBlock(blocks.StructBlock):
    persona = blocks.CharBlock(
        label=_("Who says it"),
        max_length=100,
        help_text=_("A first name and who they are, e.g. “Ans, mantelzorger”."),
    )
    situation = blocks.CharBlock(
        label=_("Situation"),
        max_length=250,
        required=False,
        help_text=_("Optional: where and when it is said, in one sentence."),
    )
    statement = blocks.TextBlock(
        label=_("What they say"), help_text=_("A short statement the learner responds to.")
    )
    model_summary = blocks.TextBlock(
        label=_("Model answer: summary"),
        required=False,
        help_text=_("Required. Shown to the learner only after they answered."),
    )
    model_question = blocks.CharBlock(
        label=_("Model answer: open question"),
        max_length=300,
        required=False,
        help_text=_("Required. One open question, ending with a question mark."),
    )
    reasons = blocks.RichTextBlock(
        label=_("Why this works"),
        features=shared.RICH_TEXT_FEATURES,
        required=False,
        help_text=_("Required. What the model answer does well, in a few points."),
    )

    class Meta:
        icon = "user"
        label = _("Respond to this")
        template = "blocks/respond.html"
        form_classname = "respond-block"
        preview_value = {
            "persona": "Ans, mantelzorger",
            "situation": "Tijdens de koffie, na de bijeenkomst.",
            "statement": "Ik doe alles voor mijn man, maar niemand vraagt ooit hoe het met mij gaat.",
            "model_summary": "Je zorgt elke dag voor je man, en je mist dat iemand ook naar jou kijkt.",
            "model_question": "Wat zou je willen dat mensen je vragen?",
            "reasons": "<p>De samenvatting noemt zowel de zorg als het gemis, zonder oordeel.</p>",
        }
        description = _(
            "A persona's statement; the learner writes a summary and an open question, "
            "then sees the coach's reaction and your model answer."
        )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if _blank(value["statement"]):
            errors["statement"] = ValidationError(_("Write what the persona says."))
        if _blank(value["model_summary"]):
            errors["model_summary"] = ValidationError(
                _("Write the model answer's summary: learners see it after answering.")
            )
        question = (value["model_question"] or "").strip()
        if not question:
            errors["model_question"] = ValidationError(
                _("Write the model answer's open question: learners see it after answering.")
            )
        elif not question.endswith("?"):
            errors["model_question"] = ValidationError(
                _("End the open question with a question mark.")
            )
        if _blank(value["reasons"] and value["reasons"].source):
            errors["reasons"] = ValidationError(_("Explain why the model answer works."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_preview_context(self, value, parent_context=None):
        # The block picker's preview shows trainers the whole block, model answer included.
        context = super().get_preview_context(value, parent_context=parent_context)
        context["show_model_answer"] = True
        return context


def _check_choices(choices, *, field: str, errors: dict) -> None:
    if not CHOICES_MIN <= len(choices) <= CHOICES_MAX:
        errors[field] = ListBlockValidationError(
            non_block_errors=[
                ValidationError(
                    _("Give between %(min)d and %(max)d choices.")
                    % {"min": CHOICES_MIN, "max": CHOICES_MAX}
                )
            ]
        )


class DilemmaOptionBlock(blocks.StructBlock):
    """A choice at the deeper level: what happens and a question to think about."""

    text = blocks.CharBlock(label=_("Choice"), max_length=250)
    consequence = blocks.TextBlock(label=_("What happens then"))
    reflection_question = blocks.CharBlock(label=_("Question to reflect on"), max_length=300)

    class Meta:
        icon = "arrow-right"
        label = _("Choice")


class DilemmaChoiceBlock(DilemmaOptionBlock):
    """A first-level choice, which may lead one level deeper."""

    follow_up_situation = blocks.TextBlock(
        label=_("Then: the next situation"),
        required=False,
        help_text=_("Optional: what happens next, with its own two to four choices below."),
    )
    follow_up_choices = blocks.ListBlock(
        DilemmaOptionBlock(),
        min_num=0,
        max_num=CHOICES_MAX,
        default=[],
        label=_("Choices in the next situation"),
    )

    class Meta:
        icon = "arrow-right"
        label = _("Choice")

    def clean(self, value):
        value = super().clean(value)
        situation = (value["follow_up_situation"] or "").strip()
        choices = list(value["follow_up_choices"])
        errors = {}
        if situation or choices:
            if not situation:
                errors["follow_up_situation"] = ValidationError(
                    _("Describe the next situation, or remove its choices.")
                )
            _check_choices(choices, field="follow_up_choices", errors=errors)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


def _option(option, key: str) -> dict:
    return {
        "key": key,
        "text": option["text"],
        "consequence": option["consequence"],
        "reflection_question": option["reflection_question"],
    }


class DilemmaValue(blocks.StructValue):
    def choice_list(self) -> list[dict]:
        """Each choice with its follow-up, if it has one, as `deeper` (or None).

        Every choice has a `key` by position: "2" for the second choice, "2.1"
        for the first choice one step further (a learner's path stores these).
        """
        result = []
        for index, choice in enumerate(self["choices"], start=1):
            follow_up = (choice["follow_up_situation"] or "").strip()
            deeper = [
                _option(option, f"{index}.{number}")
                for number, option in enumerate(choice["follow_up_choices"], start=1)
            ]
            result.append(
                {
                    **_option(choice, str(index)),
                    "deeper": {"situation": follow_up, "choices": deeper} if follow_up else None,
                }
            )
        return result

    def choices_by_key(self) -> dict[str, dict]:
        """Every choice at both levels by its key."""
        found = {}
        for choice in self.choice_list():
            found[choice["key"]] = choice
            for option in (choice["deeper"] or {}).get("choices", []):
                found[option["key"]] = option
        return found


class DilemmaBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    situation = blocks.RichTextBlock(label=_("Situation"), features=shared.RICH_TEXT_FEATURES)
    choices = blocks.ListBlock(
        DilemmaChoiceBlock(), min_num=0, max_num=CHOICES_MAX, label=_("Choices")
    )

    class Meta:
        icon = "help"
        label = _("Dilemma")
        template = "blocks/dilemma.html"
        value_class = DilemmaValue
        preview_value = {
            "title": "Een appje om middernacht",
            "situation": "<p>Een deelnemer appt je om middernacht dat ze niet kan slapen.</p>",
            "choices": [
                {
                    "text": "Ik bel haar meteen.",
                    "consequence": "Ze voelt zich gesteund, en appt je voortaan vaker 's nachts.",
                    "reflection_question": "Wat betekent dat voor je eigen rust?",
                    "follow_up_situation": "Een week later appt ze weer, om één uur 's nachts.",
                    "follow_up_choices": [
                        {
                            "text": "Ik reageer de volgende ochtend.",
                            "consequence": "Ze begrijpt het, en jullie spreken een tijd af.",
                            "reflection_question": "Welke afspraak past bij jou?",
                        },
                        {
                            "text": "Ik bel haar weer.",
                            "consequence": "Je bent moe op je werk.",
                            "reflection_question": "Hoe lang houd je dit vol?",
                        },
                    ],
                },
                {
                    "text": "Ik antwoord de volgende ochtend.",
                    "consequence": "Ze schrikt even, maar je legt uit wanneer je bereikbaar bent.",
                    "reflection_question": "Hoe zeg je dat vriendelijk en duidelijk?",
                    "follow_up_situation": "",
                    "follow_up_choices": [],
                },
            ],
        }
        description = _(
            "A boundaries dilemma: two to four choices, each with its consequence and a "
            "question to reflect on, optionally one level deeper."
        )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        _check_choices(list(value["choices"]), field="choices", errors=errors)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value
