from django.utils.translation import gettext_lazy as _

from training.errors import FriendlyError


class ContinuingError(FriendlyError):
    message = _("That did not work. Nothing was lost; please try again.")


class NotForYou(ContinuingError):
    message = _("The practice log is for learners and certified facilitators.")


class NotYourPlace(ContinuingError):
    message = _("Choose one of the academies where you took a course.")


class NotYourGroup(ContinuingError):
    message = _("Only the members of this intervision group can do that.")


class CaseChangedElsewhere(ContinuingError):
    message = _(
        "These notes were changed somewhere else (another tab or device) after you opened them. "
        "Your text is still in the form; the saved version is shown below it. "
        "Save again to keep your text."
    )


class SessionChangedElsewhere(ContinuingError):
    message = _(
        "This session was changed somewhere else (another tab or device) after you opened it. "
        "Your text is still in the form; the saved version is shown below it. "
        "Save again to keep your text."
    )
