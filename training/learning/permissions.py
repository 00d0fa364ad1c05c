"""Who may see which learning data: one place for the rules.

- A learner sees their own enrolments, progress and answers.
- A trainer sees the cohorts they train (superusers see all cohorts).
- Nobody else: views scope their querysets with these functions, so a wrong
  id is a 404, never someone else's data.
"""

from django.db.models import QuerySet

from .models import Announcement, Cohort, Enrolment


def cohorts_trained_by(user) -> QuerySet[Cohort]:
    if not user.is_authenticated:
        return Cohort.objects.none()
    if user.is_superuser:
        return Cohort.objects.all()
    return Cohort.objects.filter(trainers=user)


def own_active_enrolments(user) -> QuerySet[Enrolment]:
    if not user.is_authenticated:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(learner=user, status=Enrolment.Status.ACTIVE)


def announcements_visible_to(user) -> QuerySet[Announcement]:
    """Announcements a trainer manages in the admin: those of the cohorts they train."""
    return Announcement.objects.filter(cohort__in=cohorts_trained_by(user))
