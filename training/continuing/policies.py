"""Permission policies for what trainers see of a facilitator's after-course work."""

from training.courses.permissions import is_trainer
from training.policies import ScopedPermissionPolicy

from .models import PracticeSession, SupportRequest
from .permissions import sessions_shared_with, support_requests_for


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
