"""Why a reflection came to the trainer, and why a learner is stuck: the codes
the allocation and the selectors return, with the words a trainer reads."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FallbackReason(models.TextChoices):
    """Why a reflection goes to the trainer instead of (only) to fellow learners."""

    TRAINER_ONLY = (
        "trainer_only",
        _("Only for the trainer: the learner did not share it with fellow learners."),
    )
    DEADLINE = "deadline", _("The feedback deadline has passed without enough feedback.")
    # The label has a %(days)s placeholder: use `fallback_reason_text` to show it.
    WAITED = "waited", _("Waited more than %(days)s days for feedback from fellow learners.")
    NO_PEERS = "no_peers", _("Not enough fellow learners are left who can give feedback.")


class StuckReason(models.TextChoices):
    """Why a learner cannot move on with an assignment."""

    NOT_SUBMITTED_AFTER_DEADLINE = (
        "not_submitted_after_deadline",
        _("Has not submitted a reflection, and the deadline has passed."),
    )
    WAITING_FOR_REFLECTIONS_TO_REVIEW = (
        "waiting_for_reflections_to_review",
        _("Has submitted, but there is no reflection of a fellow learner to give feedback on."),
    )
    # The label has a %(why)s placeholder: the learner's reflection's FallbackReason.
    NEEDS_TRAINER_REVIEW = "needs_trainer_review", _("Their reflection needs your review. %(why)s")
