"""Who may see a practice group, its rounds, observations and ratings.

One policy per model (training.policies.ScopedPermissionPolicy): a group is
visible to its members (with an active enrolment, or the trainer who joined
it as a member) and to the trainers of its cohort or of a member's cohort (a
written pair across cohorts), by `cohorts_trained_by` (superusers included).
Everyone else gets a 404, because the scoped queryset does not contain the
group. Forming groups is an action on a cohort, asked of the cohort policy
(`training.learning.policies`).
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.permissions import register_permission_policy

from training.learning.permissions import ACTIVE, cohorts_trained_by
from training.policies import ScopedPermissionPolicy

from .models import PracticeGroup


class PracticeGroupPolicy(ScopedPermissionPolicy):
    actions = ("view", "take_part", "change")

    def instances_for(self, user, action):
        groups = PracticeGroup.objects.all()
        member = Q(members__enrolment__learner=user, members__enrolment__status=ACTIVE)
        joined = Q(members__trainer=user)
        if action == "take_part":
            return groups.filter(member | joined).distinct()
        cohorts = cohorts_trained_by(user)
        trained = Q(cohort__in=cohorts) | Q(members__enrolment__cohort__in=cohorts)
        if action == "change":
            return groups.filter(trained).distinct()
        return groups.filter(trained | member | joined).distinct()


practice_group_policy = PracticeGroupPolicy(PracticeGroup)


def register() -> None:
    """Called from `PracticeConfig.ready()`, as every app registers its policies."""
    register_permission_policy(PracticeGroup, practice_group_policy)
