"""Password validation with messages in our own catalogue.

Django 5.2 reworded "password too short" and its Dutch catalogue has no
translation for the new text, so Dutch learners saw English. This keeps
Django's rule and gives the message a msgid we translate ourselves.
"""

from django.contrib.auth.password_validation import MinimumLengthValidator as DjangoMinimumLength
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext


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
