"""Permission policies for what trainers see of a facilitator's after-course work."""

from wagtail.permissions import register_permission_policy

from training.courses.permissions import is_trainer
from training.policies import ScopedPermissionPolicy

from .models import (
    ExternalActivity,
    IntervisionGroup,
    IntervisionMeeting,
    PracticeSession,
    SupportRequest,
)
from .permissions import (
    activities_decidable_by,
    intervision_groups_managed_by,
    sessions_shared_with,
    support_requests_for,
)


class _TrainerPolicy(ScopedPermissionPolicy):
    def user_has_permission(self, user, action):
        # The menu and the (empty) list show for every trainer; objects stay scoped.
        return action in self.actions and is_trainer(user)


class SupportRequestPolicy(_TrainerPolicy):
    actions = ("view", "follow_up")

    def __init__(self):
        super().__init__(SupportRequest)

    def instances_for(self, user, action):
        return support_requests_for(user)


class SharedSessionPolicy(_TrainerPolicy):
    actions = ("view",)

    def __init__(self):
        super().__init__(PracticeSession)

    def instances_for(self, user, action):
        return sessions_shared_with(user)


class IntervisionGroupPolicy(_TrainerPolicy):
    actions = ("view", "add", "change", "delete")

    def __init__(self):
        super().__init__(IntervisionGroup)

    def instances_for(self, user, action):
        return intervision_groups_managed_by(user)


class IntervisionMeetingPolicy(_TrainerPolicy):
    actions = ("view", "add", "change", "delete")

    def __init__(self):
        super().__init__(IntervisionMeeting)

    def instances_for(self, user, action):
        return IntervisionMeeting.objects.filter(group__in=intervision_groups_managed_by(user))


class ExternalActivityPolicy(_TrainerPolicy):
    actions = ("view", "decide")

    def __init__(self):
        super().__init__(ExternalActivity)

    def instances_for(self, user, action):
        return activities_decidable_by(user)


support_request_policy = SupportRequestPolicy()
shared_session_policy = SharedSessionPolicy()
intervision_group_policy = IntervisionGroupPolicy()
intervision_meeting_policy = IntervisionMeetingPolicy()
external_activity_policy = ExternalActivityPolicy()


def register() -> None:
    """Make these the policies Wagtail (viewsets, actions) uses for the models."""
    for policy in (
        support_request_policy,
        shared_session_policy,
        intervision_group_policy,
        intervision_meeting_policy,
        external_activity_policy,
    ):
        register_permission_policy(policy.model, policy, exact_class=True)
