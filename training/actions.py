"""The base of every trainer write: Wagtail's action pattern with an audit entry.

An action is one change to one object. `execute()` checks the permission
through the model's registered permission policy (`training.policies`),
makes the change through the app's service and writes one entry to
Wagtail's audit log, all in one transaction: there is no change without its
entry, and no entry without its change.

Subclasses set `action_name`, `permission_policy_action` and `log_action`
(registered with the `register_log_actions` hook), and implement `commit()`
(the call into the service, returning what the view needs) and, when the
entry should carry more than the action, `log_data(result)`. The audit log
is read by trainers and admins: never put a learner's own words in it (no
reflection text, no concern notes), only ids, statuses, dates and the
trainer's short reason where the model keeps one anyway.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.actions.base import BaseAction
from wagtail.log_actions import log


class AuditedAction(BaseAction):
    log_action: str = ""

    def commit(self):
        raise NotImplementedError

    def log_instance(self, result):
        """The object the audit entry is about (by default the action's instance)."""
        return self.instance

    def log_data(self, result) -> dict:
        return {}

    def should_log(self, result) -> bool:
        """False when the action changed nothing (an idempotent repeat): no second entry."""
        return True

    def execute(self, skip_permission_checks=False):
        self.check(skip_permission_checks=skip_permission_checks)
        with transaction.atomic():
            result = self.commit()
            if not self.should_log(result):
                return result
            log(
                instance=self.log_instance(result),
                action=self.log_action,
                user=self.user,
                data=self.log_data(result),
            )
        return result
