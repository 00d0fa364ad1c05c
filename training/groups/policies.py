"""Permission policies: one per model, all built on the scoping functions in permissions.py."""

from wagtail.permissions import register_permission_policy

from training.policies import ScopedPermissionPolicy

from .models import FeedbackMoment, PeerGroup
from .permissions import own_groups, own_moments


class PeerGroupPolicy(ScopedPermissionPolicy):
    """Only a group's own facilitator views or changes it (nobody else, not the admin)."""

    actions = ("view", "change", "delete", "open_moment")

    def __init__(self):
        super().__init__(PeerGroup)

    def instances_for(self, user, action):
        return own_groups(user)


class FeedbackMomentPolicy(ScopedPermissionPolicy):
    actions = ("view", "close")

    def __init__(self):
        super().__init__(FeedbackMoment)

    def instances_for(self, user, action):
        return own_moments(user)


peer_group_policy = PeerGroupPolicy()
feedback_moment_policy = FeedbackMomentPolicy()


def register() -> None:
    """Called from `GroupsConfig.ready()`, as every app registers its policies."""
    for policy in (peer_group_policy, feedback_moment_policy):
        register_permission_policy(policy.model, policy, exact_class=True)
