"""What the assessments app does when the learning app announces something."""

from .models import Submission


def follow_moved_enrolment(sender, *, enrolment, **kwargs) -> None:
    """A learner re-joined the course in another cohort: their reflections go with
    them, so the new cohort's trainers (and no longer the old ones) see them."""
    Submission.objects.filter(enrolment=enrolment).update(cohort_id=enrolment.cohort_id)
