"""Forms: the participant's minute and the facilitator's group and moment."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from training.continuing.forms import DateInput

from .models import (
    DEFAULT_LIFETIME_HOURS,
    GAIN_FIELDS,
    MAX_LIFETIME_HOURS,
    OPEN_ANSWER_MAX_LENGTH,
    STATEMENT_FIELDS,
    FeedbackAnswer,
    PeerGroup,
    Scale,
)

# Spam carries links; a participant's answer never needs one.
_LINK = re.compile(r"https?://|www\.|\[url", re.IGNORECASE)


def _label(name):
    return FeedbackAnswer._meta.get_field(name).verbose_name


class AnswerForm(forms.Form):
    """Five statements on a scale of words, the gains, one optional open question."""

    open_answer = forms.CharField(
        label=_("What helped you today?"),
        required=False,
        max_length=OPEN_ANSWER_MAX_LENGTH,
        strip=True,
        help_text=_("Do not write any names, not your own and not someone else's."),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": OPEN_ANSWER_MAX_LENGTH}),
        error_messages={
            "max_length": _("Your answer is too long. Use at most %(limit_value)d characters.")
        },
    )
    gains = forms.MultipleChoiceField(
        label=_("What did today give you? Choose as many as you like."),
        required=False,
        choices=[(name, _label(name)) for name in GAIN_FIELDS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the list.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        statements = {
            name: forms.TypedChoiceField(
                label=_label(name),
                choices=Scale.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer for “%(statement)s”.")
                    % {"statement": _label(name)},
                    "invalid_choice": _("Choose one of the answers."),
                },
            )
            for name in STATEMENT_FIELDS
        }
        # The statements first, in their order, then the gains and the open question.
        self.fields = {**statements, **self.fields}

    def clean_open_answer(self):
        text = self.cleaned_data["open_answer"]
        if _LINK.search(text):
            raise forms.ValidationError(_("Please leave out links."))
        return text

    @property
    def scores(self) -> dict[str, int]:
        return {name: self.cleaned_data[name] for name in STATEMENT_FIELDS}


class PeerGroupForm(forms.ModelForm):
    client_id = forms.UUIDField(widget=forms.HiddenInput)

    class Meta:
        model = PeerGroup
        fields = ["name", "association", "setting", "rhythm", "shared_with_trainers"]
        widgets = {"setting": forms.RadioSelect}

    def __init__(self, *args, associations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = associations
        self.fields["association"].required = False
        self.fields["association"].empty_label = _("none")
        if not associations.exists():
            del self.fields["association"]


class PeerGroupEditForm(PeerGroupForm):
    client_id = None

    class Meta(PeerGroupForm.Meta):
        pass


class MomentForm(forms.Form):
    held_on = forms.DateField(label=_("Date of the meeting"), widget=DateInput())
    lifetime_hours = forms.IntegerField(
        label=_("Open for (hours)"),
        min_value=1,
        max_value=MAX_LIFETIME_HOURS,
        initial=DEFAULT_LIFETIME_HOURS,
        help_text=_("48 hours unless you choose otherwise; at most 168 hours (7 days)."),
    )
    practice_session = forms.ModelChoiceField(
        label=_("Entry in my practice log"),
        required=False,
        queryset=None,
        empty_label=_("none"),
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practice_session"].queryset = sessions
        if not sessions.exists():
            del self.fields["practice_session"]
