from training.actions import AuditedAction

from . import services


class FollowUpSupportRequest(AuditedAction):
    action_name = "follow_up"
    permission_policy_action = "follow_up"
    log_action = "continuing.support_request_follow_up"

    def commit(self):
        return services.support_request_follow_up(request=self.instance, trainer=self.user)
