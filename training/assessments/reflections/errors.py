from django.utils.formats import number_format
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


# --- Saving a draft: refused, and nothing changed ----------------------------


class DraftRefused(ReflectionError):
    """A draft save that changed nothing; the learner's text is kept where it was typed."""

    status = 400


class UnreadableRequest(DraftRefused):
    message = _("Your text could not be read, so nothing was saved. Please try again.")


class DraftTextMissing(DraftRefused):
    message = _(
        "Your text did not arrive, so nothing was saved and your draft is unchanged. "
        "Please try again."
    )


class InvalidCharacters(DraftRefused):
    message = _(
        "Your text contains a character that cannot be saved, such as an invisible control "
        "character or a broken character (�). Nothing was saved: remove it and try again."
    )


class DraftTooLong(DraftRefused):
    status = 413

    def __init__(self, max_chars: int):
        self.max_chars = max_chars
        super().__init__(
            _(
                "Your text is too long to save: at most %(max)s characters. Nothing was "
                "changed. Shorten your text and save again."
            )
            % {"max": number_format(max_chars, force_grouping=True)}
        )


class InvalidBaseRevision(DraftRefused):
    message = _(
        "We could not tell which saved version your text builds on, so nothing was saved. "
        "Reload the page to go on; your text is kept on this device."
    )


class DraftConflict(DraftRefused):
    """A save from a stale revision: carries the server's current text, so both can be shown."""

    status = 409
    message = _(
        "A newer version of your text was saved in another window. Nothing was saved over "
        "it: choose which text to keep, or combine them."
    )

    def __init__(self, *, server_text: str, server_revision: int, saved_at):
        super().__init__()
        self.server_text = server_text
        self.server_revision = server_revision
        self.saved_at = saved_at


class RevisionNotFound(DraftRefused):
    status = 404
    message = _("This earlier version is no longer kept.")
