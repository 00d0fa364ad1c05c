"""Wagtail's user forms, adapted to a user model without first and last name."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from .models import User

_FIELDS = ["email", "display_name", "pseudonym", "preferred_language", "is_superuser", "groups"]


class AccountCreationForm(UserCreationForm):
    first_name = None
    last_name = None
    display_name = forms.CharField(label=_("Display name"), max_length=150)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = _FIELDS


class AccountEditForm(UserEditForm):
    first_name = None
    last_name = None
    display_name = forms.CharField(label=_("Display name"), max_length=150)

    class Meta(UserEditForm.Meta):
        model = User
        fields = [*_FIELDS, "is_active"]
