from training.actions import AuditedAction

from . import services


class FollowUpSupportRequest(AuditedAction):
    action_name = "follow_up"
    permission_policy_action = "follow_up"
    log_action = "continuing.support_request_follow_up"

    def commit(self):
        return services.support_request_follow_up(request=self.instance, trainer=self.user)


class DecideExternalActivity(AuditedAction):
    action_name = "decide"
    permission_policy_action = "decide"

    def __init__(self, instance, *, user, confirm: bool):
        super().__init__(instance, user=user)
        self.confirm = confirm
        self.log_action = "continuing.activity_confirm" if confirm else "continuing.activity_reject"

    def commit(self):
        return services.external_activity_decide(
            activity=self.instance, trainer=self.user, confirm=self.confirm
        )

    def log_data(self, result):
        return {"hours": str(result.hours), "done_on": result.done_on.isoformat()}
