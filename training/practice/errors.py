from django.utils.translation import gettext_lazy as _

from training.errors import FriendlyError


class PracticeError(FriendlyError):
    """A refused practice action; `message` is friendly, translated text for the page."""

    message = _("This did not work. Please try again.")


class NotInThisCourse(PracticeError):
    message = _("Join the course first; then you can practise with your group.")


class NoMomentsChosen(PracticeError):
    message = _("Choose at least one moment of the week when you can practise.")


class AlreadyGrouped(PracticeError):
    message = _("You are already in a practice group; ask your trainer to change it.")


class NotYourTurn(PracticeError):
    message = _("This part of the round is for someone else in your group.")


class AgreementFirst(PracticeError):
    message = _("Everyone in the group agrees to the practice agreement before the first round.")


class RoundsStarted(PracticeError):
    message = _("This group has started practising; its members can no longer be moved.")


class GroupTooSmall(PracticeError):
    message = _("A group needs at least two members; move someone else or form new groups.")


class GroupFull(PracticeError):
    message = _("That group already has four members.")


class InvalidMeeting(PracticeError):
    message = _("Choose one of the moments offered and say where you meet.")


class InvalidLink(PracticeError):
    message = _("A video link starts with https://. Or write down a place instead.")


class IncompleteForm(PracticeError):
    message = _("Fill in every part of the form; counts are whole numbers from 0 to 99.")


class InvalidRating(PracticeError):
    message = _("Choose a value from 1 to 4: did you feel heard?")


class TextTooLong(PracticeError):
    pass


class EmptyText(PracticeError):
    message = _("Write something first.")


class NobodyWaiting(PracticeError):
    message = _("Nobody waits for a group any more.")


class EnoughToGroup(PracticeError):
    message = _("Three or more learners are waiting: form groups of three instead.")


class LearnerNotWaiting(PracticeError):
    message = _("This learner is no longer waiting for a practice group.")


class NoPartnerElsewhere(PracticeError):
    message = _(
        "Nobody in another group of this course is waiting for this practice right now. "
        "Try again later, or form a smaller group with yourself in it."
    )


class NotMetYet(PracticeError):
    """A live round before the group's meeting: only practice that happened counts."""

    message = _(
        "Your group has not met yet. Fill in this round from the start of your meeting, "
        "or once your group has said it met. What you wrote is still here."
    )
