"""Wagtail's user forms, adapted to a user model without first and last name."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from .models import User
from .validators import EmailAddressField

EMAIL_CHANGED_BY_OWNER = _(
    "Only the person themselves can change their email address, on their account page: "
    "the new address is verified first."
)

_FIELDS = ["email", "display_name", "pseudonym", "preferred_language", "is_superuser", "groups"]


class AccountCreationForm(UserCreationForm):
    first_name = None
    last_name = None
    display_name = forms.CharField(label=_("Display name"), max_length=150)
    email = EmailAddressField(label=_("Email address"))

    class Meta(UserCreationForm.Meta):
        model = User
        fields = _FIELDS


class AccountEditForm(UserEditForm):
    """Editing an account; the email address is shown but cannot be changed here.

    An address typed in here would skip allauth's verification (the account
    would sign in with an address nobody confirmed, and its verified
    EmailAddress would no longer match). People change it themselves on the
    site's account pages, where the new address is verified first.
    """

    first_name = None
    last_name = None
    display_name = forms.CharField(label=_("Display name"), max_length=150)

    class Meta(UserEditForm.Meta):
        model = User
        fields = [*_FIELDS, "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.disabled = True  # Django ignores a posted value for a disabled field
        email.required = False
        email.help_text = EMAIL_CHANGED_BY_OWNER
