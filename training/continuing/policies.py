"""Permission policies for what trainers see of a facilitator's after-course work."""

from wagtail.permissions import register_permission_policy

from training.learning.policies import TrainerScopedPolicy

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


class SupportRequestPolicy(TrainerScopedPolicy):
    actions = ("view", "follow_up")

    def __init__(self):
        super().__init__(SupportRequest)

    def instances_for(self, user, action):
        return support_requests_for(user)


class SharedSessionPolicy(TrainerScopedPolicy):
    actions = ("view",)

    def __init__(self):
        super().__init__(PracticeSession)

    def instances_for(self, user, action):
        return sessions_shared_with(user)


class IntervisionGroupPolicy(TrainerScopedPolicy):
    actions = ("view", "add", "change", "delete")

    def __init__(self):
        super().__init__(IntervisionGroup)

    def instances_for(self, user, action):
        return intervision_groups_managed_by(user)


class IntervisionMeetingPolicy(TrainerScopedPolicy):
    actions = ("view", "add", "change", "delete")

    def __init__(self):
        super().__init__(IntervisionMeeting)

    def instances_for(self, user, action):
        return IntervisionMeeting.objects.filter(group__in=intervision_groups_managed_by(user))


class ExternalActivityPolicy(TrainerScopedPolicy):
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
    """Called from `ContinuingConfig.ready()`, as every app registers its policies."""
    for policy in (
        support_request_policy,
        shared_session_policy,
        intervision_group_policy,
        intervision_meeting_policy,
        external_activity_policy,
    ):
        register_permission_policy(policy.model, policy, exact_class=True)
