"""What can go wrong when a learner uses their rights; each error carries a friendly message."""

from django.utils.translation import gettext_lazy as _


class PrivacyError(Exception):
    message = _("That did not work. Please try again.")


class WrongPassword(PrivacyError):
    message = _("That is not your current password. Please try again.")


class ErasureAlreadyDecided(PrivacyError):
    message = _("Someone has already decided on this request.")
