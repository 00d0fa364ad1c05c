from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("To be sure it is really you who asks."),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password to confirm.")},
    )


class ErasureDecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the learner"),
        help_text=_("Only when you turn the request down: say why, and what happens next."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
