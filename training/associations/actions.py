"""Association staff's audited writes: endorse a certificate, withdraw an endorsement.

Policy check, service call and one audit entry in one transaction
(`training.actions.AuditedAction`). A repeated click changes nothing and
writes no second entry. The entries carry ids only.
"""

from __future__ import annotations

from functools import cached_property

from training.actions import AuditedAction

from .endorsements import endorsement_give, endorsement_withdraw
from .policies import endorsement_policy


class EndorsementGiveAction(AuditedAction):
    """`instance` is the certificate; `association` the one that endorses it."""

    action_name = "endorse"
    permission_policy_action = "endorse"
    log_action = "associations.endorse"

    def __init__(self, instance, user=None, *, association):
        super().__init__(instance, user=user)
        self.association = association

    @cached_property
    def permission_policy(self):
        return endorsement_policy

    def user_has_permission(self):
        endorsable = self.permission_policy.certificates_endorsable(self.user, self.association)
        return endorsable.filter(pk=self.instance.pk).exists()

    def commit(self):
        return endorsement_give(
            association=self.association, certificate=self.instance, user=self.user
        )

    def should_log(self, result) -> bool:
        return result[1]

    def log_instance(self, result):
        return result[0]

    def log_data(self, result):
        return {"association": self.association.pk, "certificate": self.instance.pk}


class EndorsementWithdrawAction(AuditedAction):
    action_name = "withdraw"
    permission_policy_action = "withdraw"
    log_action = "associations.endorsement_withdraw"

    @cached_property
    def permission_policy(self):
        return endorsement_policy

    def commit(self):
        return endorsement_withdraw(endorsement=self.instance, user=self.user)

    def should_log(self, result) -> bool:
        return result[1]

    def log_data(self, result):
        return {
            "association": self.instance.association_id,
            "certificate": self.instance.certificate_id,
        }
