"""Forms of the skills lab. They parse input only; the services decide."""

from __future__ import annotations

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from . import services
from .models import ObservationCriterion
from .slots import slot_choices

FELT_HEARD_CHOICES = [
    (1, _("1 · hardly")),
    (2, _("2 · a little")),
    (3, _("3 · mostly")),
    (4, _("4 · completely")),
]


class OptInForm(forms.Form):
    slots = forms.MultipleChoiceField(
        label=_("When can you practise this week?"),
        help_text=_("Choose a few moments; your group meets at one you share."),
        choices=slot_choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one moment of the week.")},
    )


class AgreementForm(forms.Form):
    agree = forms.BooleanField(
        label=_(
            "I agree: what is told in practice stays there, and everyone decides for "
            "themselves what they share."
        ),
        error_messages={"required": _("Tick the box to agree to the practice agreement.")},
    )


class MeetingForm(forms.Form):
    meeting_at = forms.ChoiceField(label=_("When do you meet?"), widget=forms.RadioSelect)
    meeting_place = forms.CharField(
        label=_("Where do you meet?"),
        help_text=_("A video link of your choice (starting with https://), or a place."),
        max_length=services.PLACE_MAX,
    )

    def __init__(self, *args, starts, **kwargs):
        super().__init__(*args, **kwargs)
        self.starts = {start.isoformat(): start for start in starts}
        self.fields["meeting_at"].choices = [
            (key, formats.date_format(timezone.localtime(start), "l j F, H:i"))
            for key, start in self.starts.items()
        ]

    def clean_meeting_at(self):
        return self.starts[self.cleaned_data["meeting_at"]]


class ObservationForm(forms.Form):
    """One field per criterion of the activity's observation form."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            name = str(criterion.key)
            if criterion.kind == ObservationCriterion.Kind.COUNT:
                field = forms.IntegerField(
                    min_value=0,
                    max_value=services.COUNT_MAX,
                    initial=0,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                )
            elif criterion.kind == ObservationCriterion.Kind.SCALE:
                field = forms.TypedChoiceField(
                    choices=[(i, str(i)) for i in range(1, 5)],
                    coerce=int,
                    widget=forms.RadioSelect,
                )
            else:
                field = forms.CharField(
                    required=False,
                    max_length=services.REFLECTION_MAX,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
            field.label = criterion.label
            field.help_text = criterion.help_text
            self.fields[name] = field

    def answers(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.fields}


class RatingForm(forms.Form):
    felt_heard = forms.TypedChoiceField(
        label=_("Did you feel heard?"),
        choices=FELT_HEARD_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a value from 1 to 4.")},
    )
    sentence = forms.CharField(
        label=_("One sentence about how it was to be listened to"),
        help_text=_("About the listening, not about your story."),
        required=False,
        max_length=services.SENTENCE_MAX,
    )


class SelfReflectionForm(forms.Form):
    went_well = forms.CharField(
        label=_("What went well?"),
        max_length=services.REFLECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    advice_moment = forms.CharField(
        label=_("When did you want to give advice, and what did you do then?"),
        required=False,
        max_length=services.REFLECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TurnForm(forms.Form):
    text = forms.CharField(
        label=_("Your turn"),
        max_length=services.TURN_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
