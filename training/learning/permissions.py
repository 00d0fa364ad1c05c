"""Who trains whom, and who learns where: the one scoping rule per relation.

Every policy and every scoped view in the project builds on these functions;
none writes its own trainer rule (`tests/learning/test_scoping_rules.py`
fails when one does).

- **Trainer of a cohort** (`cohorts_trained_by`): an active account in the
  Trainer group, named among the cohort's trainers. A superuser trains every
  cohort. Someone named on a cohort but no longer in the Trainer group (or
  deactivated) trains nothing. `cohorts_led_by` is the same rule without the
  superuser's reach: the cohorts a person is named on, for what is personal to
  them (their calendar, the role in which they read a reflection).
- **Learners a trainer trains** (`learners_trained_by`): everyone enrolled, now or
  earlier, in a cohort the trainer trains; `trainers_of_learner` is the same
  relation read the other way.
- **Learner** (`own_active_enrolments`): the user's own active enrolments.

Views scope their querysets with these functions, so a wrong id is a 404,
never someone else's data. The functions return lazy querysets: used inside
another filter they become a subquery, not an extra round trip.
"""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from training.courses.permissions import TRAINER_GROUP

from .models import Announcement, Cohort, Enrolment

ACTIVE = Enrolment.Status.ACTIVE


def cohorts_led_by(user) -> QuerySet[Cohort]:
    """The cohorts `user` is named a trainer of, while active and in the Trainer group."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Cohort.objects.none()
    # One join row: the trainer is this user, and this user is in the Trainer group
    # (a superuser named on a cohort leads it without the group).
    if user.is_superuser:
        return Cohort.objects.filter(trainers=user)
    return Cohort.objects.filter(trainers=user, trainers__groups__name=TRAINER_GROUP)


def cohorts_trained_by(user) -> QuerySet[Cohort]:
    """The cohorts whose learners' work `user` may see and act on (all, for a superuser)."""
    if user is not None and user.is_authenticated and user.is_active and user.is_superuser:
        return Cohort.objects.all()
    return cohorts_led_by(user)


def learners_trained_by(user) -> QuerySet:
    """The ids (`learner_id` values) of everyone enrolled in a cohort `user` trains."""
    return Enrolment.objects.filter(cohort__in=cohorts_trained_by(user)).values("learner_id")


def trainers_of_learner(learner) -> QuerySet:
    """The active trainers (Trainer group) of every cohort `learner` was enrolled in."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__name=TRAINER_GROUP,
            trained_cohorts__enrolments__learner=learner,
        )
        .distinct()
    )


def own_active_enrolments(user) -> QuerySet[Enrolment]:
    if user is None or not user.is_authenticated:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(learner=user, status=ACTIVE)


def announcements_visible_to(user) -> QuerySet[Announcement]:
    """Announcements a trainer manages in the admin: those of the cohorts they train."""
    return Announcement.objects.filter(cohort__in=cohorts_trained_by(user))
