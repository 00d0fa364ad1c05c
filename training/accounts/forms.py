"""Forms for the public account pages: the extra sign-up field and the profile.

`SignupForm` is plugged into allauth through ACCOUNT_SIGNUP_FORM_CLASS, so it
must not import `allauth.account.forms` (allauth builds its own sign-up form
on top of this class when that module is imported).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import User

PSEUDONYM_TAKEN = _("Somebody else already uses this pseudonym. Please choose another one.")


def _language_choice(code):
    """`code` if it is one of the languages a user can choose, else the model default."""
    field = User._meta.get_field("preferred_language")
    return code if code in dict(field.choices) else field.get_default()


class SignupForm(forms.Form):
    """The extra field on allauth's sign-up form (email and passwords come from allauth)."""

    field_order = ["display_name", "email", "password1", "password2"]

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("Your trainer sees this name, and it is printed on your certificate."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        """Called by allauth right after it saved the new user."""
        user.display_name = self.cleaned_data["display_name"]
        # The language the person signed up in is the best first guess.
        user.preferred_language = _language_choice(translation.get_language())
        user.save(update_fields=["display_name", "preferred_language"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "pseudonym", "preferred_language"]
        labels = {
            "display_name": _("Your name"),
            "pseudonym": _("Pseudonym"),
            "preferred_language": _("Language"),
        }
        help_texts = {
            "display_name": _(
                "Your trainer sees this name, and it is printed on your certificate."
            ),
            "pseudonym": _(
                "Fellow learners see your pseudonym instead of your name when they give "
                "or receive feedback. Your trainer always sees your real name."
            ),
            "preferred_language": _("The language of the website and of our emails to you."),
        }
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "pseudonym": forms.TextInput(attrs={"autocomplete": "off"}),
            "preferred_language": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True

    def clean_pseudonym(self):
        pseudonym = self.cleaned_data["pseudonym"].strip()
        # Compare the way the database constraint does (LOWER() on both sides),
        # so this check and accounts_user_pseudonym_ci_unique agree.
        taken = (
            User.objects.alias(pseudonym_lower=Lower("pseudonym"))
            .filter(pseudonym_lower=Lower(Value(pseudonym)))
            .exclude(pk=self.instance.pk)
        )
        if pseudonym and taken.exists():
            raise ValidationError(PSEUDONYM_TAKEN, code="pseudonym_taken")
        return pseudonym
