"""A trainer's sign-off: the last rule of a course that asks for it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from training.learning.models import Enrolment
from training.learning.signals import announce_progress_changed

from ..models import TrainerSignoff


def trainer_signoff_give(*, enrolment: Enrolment, trainer) -> TrainerSignoff:
    """Sign a learner off (again); the certificate follows when every rule is met.

    The permission check and the audit entry are the caller's: trainers sign
    off through `actions.TrainerSignoffAction`."""
    with transaction.atomic():
        signoff, _created = TrainerSignoff.objects.update_or_create(
            enrolment=enrolment, defaults={"signed_by": trainer, "signed_at": timezone.now()}
        )
        announce_progress_changed(enrolment_id=enrolment.pk)
    return signoff
