"""What the skills lab does when lower apps announce something."""

from .models import PracticeMember, PracticeOptIn


def follow_moved_enrolment(sender, *, enrolment, previous_cohort_id, **kwargs):
    """A learner moved cohort: their open opt-ins move along (their groups stay behind)."""
    grouped = PracticeMember.objects.filter(enrolment=enrolment).values("activity_id")
    PracticeOptIn.objects.filter(enrolment=enrolment).exclude(activity_id__in=grouped).update(
        cohort_id=enrolment.cohort_id
    )
