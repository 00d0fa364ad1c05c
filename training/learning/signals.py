"""Domain events of the learning app, for the apps above it.

Lower apps announce, higher apps listen: learning and assessments never
import the certificates app; certificates receives these in its AppConfig.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

#: Something that can change whether a completion rule is met for one
#: enrolment happened: a lesson done, a knowledge check answered, a reflection
#: approved or sent back, peer feedback given or credited, a sign-off, a
#: learner re-joining. Sent once the transaction commits, with `enrolment_id`.
progress_changed = Signal()


def announce_progress_changed(*, enrolment_id: int) -> None:
    """Send `progress_changed` for one enrolment when the current transaction commits.

    Outside a transaction it is sent at once. Receivers re-read the database,
    so announcing twice for the same change is harmless.
    """
    from .models import Enrolment

    transaction.on_commit(
        lambda: progress_changed.send(sender=Enrolment, enrolment_id=enrolment_id)
    )


#: An enrolment moved to another cohort of the same course (a learner who
#: left re-joined elsewhere). Sent inside the transaction that moves it, with
#: `enrolment` and `previous_cohort_id`, so receivers that copy the cohort
#: (reflections, for their trainers) move in the same transaction.
enrolment_moved = Signal()
