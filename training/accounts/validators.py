"""Validators: the one e-mail address rule, and Django's password validators with
texts in our own catalogue.

E-mail addresses: every form, service and API that takes one checks it with
`validate_email_address` (Django's `EmailValidator` plus the 254-character limit of
the address columns; RFC 5321 allows no longer path). Django's form field allows
320 characters and allauth's `user_field()` silently cuts a value to the column, so
without this check a long address was stored cut (no "@", no domain) and a second
one was a 500 on the unique constraint. `EmailAddressField` is the form field.

Passwords: Django 5.2 reworded "password too short" and its Dutch catalogue has no
translation for the new text, so Dutch learners saw English. This keeps
Django's rule and gives the message a msgid we translate ourselves.
"""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.password_validation import MinimumLengthValidator as DjangoMinimumLength
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, MaxLengthValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

EMAIL_MAX_LENGTH = 254
EMAIL_INVALID = gettext_lazy("Enter a valid email address, like name@example.org.")
EMAIL_TOO_LONG = gettext_lazy(
    "This email address is longer than %(limit_value)s characters. Please use a shorter address."
)


@deconstructible
class EmailAddressValidator(EmailValidator):
    """Django's `EmailValidator`, refusing addresses longer than `EMAIL_MAX_LENGTH`."""

    message = EMAIL_INVALID

    def __call__(self, value):
        if isinstance(value, str) and len(value) > EMAIL_MAX_LENGTH:
            raise ValidationError(
                EMAIL_TOO_LONG,
                code="email_too_long",
                params={"limit_value": EMAIL_MAX_LENGTH, "value": value},
            )
        super().__call__(value)


validate_email_address = EmailAddressValidator()


class EmailAddressField(forms.EmailField):
    """A form field for an e-mail address: `validate_email_address`, one clear message."""

    default_validators = [validate_email_address]
    default_error_messages = {"invalid": EMAIL_INVALID}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        super().__init__(**kwargs)
        # `max_length` stays for the input's maxlength attribute; the limit itself is
        # checked once, by `validate_email_address`, in its own words (not Django's
        # "Ensure this value has at most ... characters" beside it).
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]


class MinimumLengthValidator(DjangoMinimumLength):
    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(
                ngettext(
                    "This password is too short. It must contain at least %(min_length)d character.",
                    "This password is too short. It must contain at least %(min_length)d characters.",
                    self.min_length,
                ),
                code="password_too_short",
                params={"min_length": self.min_length},
            )

    def get_help_text(self):
        return ngettext(
            "Your password must contain at least %(min_length)d character.",
            "Your password must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_help_text(self):
        return _("Your password can’t be too similar to your other personal information.")


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_help_text(self):
        return _("Your password can’t be a commonly used password.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_help_text(self):
        return _("Your password can’t be entirely numeric.")
