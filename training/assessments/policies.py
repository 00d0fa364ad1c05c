"""Who may see or do what with reflections, concerns, ratings and extensions in the admin.

One policy per model, each answering from one scoped queryset per action
(`training.policies.ScopedPermissionPolicy`): the trainers of a cohort act
on its learners' work, superusers on everything, nobody else on anything
(staff included). Every admin view loads its objects through
`policy.instances_for(user, action)`, so a wrong or foreign id is a 404,
and every action (`training.assessments.actions`) asks the same policy.
`register()` makes them Wagtail's policies (called from `AssessmentsConfig.ready`).
"""

from __future__ import annotations

from django.db.models import QuerySet

from training.learning.models import Enrolment
from training.learning.permissions import ACTIVE, cohorts_trained_by
from training.learning.policies import TrainerScopedPolicy

from .models import ConcernFlag, DeadlineExtension, ReviewRating, Submission
from .reflections.permissions import submissions_readable_by


class SubmissionPolicy(TrainerScopedPolicy):
    """Reflections of the cohorts the user trains.

    Authors and peers read reflections on the learner side
    (`submissions_readable_by`); in the admin only trainers work on them.
    """

    actions = ("view", "decide", "raise_concern")

    def instances_for(self, user, action) -> QuerySet[Submission]:
        return submissions_readable_by(user).filter(cohort__in=cohorts_trained_by(user))


class ConcernFlagPolicy(TrainerScopedPolicy):
    """Concerns about reflections in the cohorts the user trains."""

    actions = ("view", "follow_up")

    def instances_for(self, user, action) -> QuerySet[ConcernFlag]:
        return ConcernFlag.objects.filter(submission__cohort__in=cohorts_trained_by(user))


class ReviewRatingPolicy(TrainerScopedPolicy):
    """Ratings of feedback given within the cohorts the user trains (never elsewhere)."""

    actions = ("view",)

    def instances_for(self, user, action) -> QuerySet[ReviewRating]:
        return ReviewRating.objects.filter(review__submission__cohort__in=cohorts_trained_by(user))


class DeadlineExtensionPolicy(TrainerScopedPolicy):
    """Extensions for learners of the cohorts the user trains.

    A new extension has no instance to check yet: `enrolments_to_extend`
    answers for whom the user may give one (active learners of their cohorts).
    """

    actions = ("view", "delete")

    def instances_for(self, user, action) -> QuerySet[DeadlineExtension]:
        return DeadlineExtension.objects.filter(enrolment__cohort__in=cohorts_trained_by(user))

    def enrolments_to_extend(self, user) -> QuerySet[Enrolment]:
        if user is None or not user.is_authenticated:
            return Enrolment.objects.none()
        return Enrolment.objects.filter(cohort__in=cohorts_trained_by(user), status=ACTIVE)


submission_policy = SubmissionPolicy(Submission)
concern_flag_policy = ConcernFlagPolicy(ConcernFlag)
review_rating_policy = ReviewRatingPolicy(ReviewRating)
deadline_extension_policy = DeadlineExtensionPolicy(DeadlineExtension)


def register() -> None:
    from wagtail.permissions import register_permission_policy

    register_permission_policy(Submission, submission_policy)
    register_permission_policy(ConcernFlag, concern_flag_policy)
    register_permission_policy(ReviewRating, review_rating_policy)
    register_permission_policy(DeadlineExtension, deadline_extension_policy)
