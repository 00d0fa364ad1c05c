"""Who may see a practice group, its rounds, observations and ratings.

One policy per model (training.policies.ScopedPermissionPolicy): a group is
visible to its members (with an active enrolment, or the trainer who joined
it as a member) and to the trainers of its cohort or of a member's cohort (a
written pair across cohorts; and superusers). Everyone else gets a 404, because the scoped
queryset does not contain the group.
"""

from __future__ import annotations

from django.db.models import Q

from training.policies import ScopedPermissionPolicy

from .models import PracticeGroup


class PracticeGroupPolicy(ScopedPermissionPolicy):
    actions = ("view", "take_part", "change")

    def instances_for(self, user, action):
        groups = PracticeGroup.objects.all()
        joined = Q(members__trainer=user)
        if action == "take_part":
            return groups.filter(
                Q(members__enrolment__learner=user, members__enrolment__status="active") | joined
            ).distinct()
        if user.is_superuser:
            return groups
        trained = Q(cohort__trainers=user) | Q(members__enrolment__cohort__trainers=user)
        if action == "change":
            return groups.filter(trained).distinct()
        member = Q(members__enrolment__learner=user, members__enrolment__status="active")
        return groups.filter(trained | member | joined).distinct()


practice_group_policy = PracticeGroupPolicy(PracticeGroup)
