from django.utils.translation import gettext_lazy as _

from training.errors import FriendlyError


class ReflectionError(FriendlyError):
    """A refused action; `message` is friendly, translated text for the page."""

    message = _("This did not work. Please try again.")


class SubmissionLocked(ReflectionError):
    message = _("This reflection has been submitted and can no longer be changed.")


class TooShort(ReflectionError):
    pass


class TooLong(ReflectionError):
    pass


class AudienceRequired(ReflectionError):
    message = _("Choose who may read your reflection.")


class NotSubmittedYet(ReflectionError):
    message = _("Submit your own reflection first; then you can give feedback to others.")


class ReviewIncomplete(ReflectionError):
    message = _("Fill in at least what you read and your question.")


class ReviewNotYours(ReflectionError):
    message = _("This feedback is not (or no longer) yours to give.")


class InvalidRating(ReflectionError):
    message = _("Choose a value from 1 to 4 for both questions.")


class DecisionNotAllowed(ReflectionError):
    message = _("This reflection is not waiting for a decision.")
