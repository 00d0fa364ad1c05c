from django.utils.translation import gettext_lazy as _

from training.errors import FriendlyError


class GroupsError(FriendlyError):
    message = _("That did not work. Nothing was lost; please try again.")


class NotForYou(GroupsError):
    message = _("Groups and their feedback are for learners and certified facilitators.")


class MomentClosed(GroupsError):
    message = _("This feedback moment is closed. Thank you for wanting to help.")


class AlreadyAnswered(GroupsError):
    message = _("You already answered for this meeting on this phone. Thank you!")


class TooBusy(GroupsError):
    message = _("Many people are answering at once. Wait a minute and send again.")


class LifetimeTooLong(GroupsError):
    message = _("A feedback moment can stay open for 7 days at most.")


class TooFewAnswers(GroupsError):
    message = _("There are too few answers yet to bring figures anywhere.")
