"""Who may see a practice group, its rounds, observations and ratings.

One policy per model (training.policies.ScopedPermissionPolicy): a group is
visible to its members (with an active enrolment) and to the trainers of its
cohort (`cohorts_trained_by`, superusers included). Everyone else gets a 404,
because the scoped queryset does not contain the group. Forming groups is an
action on a cohort, asked of the cohort policy (`training.learning.policies`).
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
        if action == "take_part":
            return groups.filter(member).distinct()
        trained = Q(cohort__in=cohorts_trained_by(user))
        if action == "change":
            return groups.filter(trained)
        return groups.filter(trained | member).distinct()


practice_group_policy = PracticeGroupPolicy(PracticeGroup)


def register() -> None:
    """Called from `PracticeConfig.ready()`, as every app registers its policies."""
    register_permission_policy(PracticeGroup, practice_group_policy)
