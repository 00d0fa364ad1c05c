"""Trainer writes on certificates: check through the policy, change through the
service, one audit entry, in one transaction (`training.actions.AuditedAction`).

The audit entries carry the trainer's short reason, which the certificate
keeps anyway (it is shown on the public verification page), and nothing else
a learner wrote.
"""

from __future__ import annotations

from functools import cached_property

from training.actions import AuditedAction

from .models import Certificate
from .policies import certificate_policy
from .services.revocation import certificate_revoke, certificate_unrevoke
from .services.signoff import trainer_signoff_give
from .services.suspension import certificate_suspend, certificate_unsuspend


class CertificateAction(AuditedAction):
    permission_policy_action = "revoke"

    def __init__(self, instance, user=None, *, reason: str = ""):
        super().__init__(instance, user=user)
        self.reason = reason

    @cached_property
    def permission_policy(self):
        return certificate_policy


class CertificateRevokeAction(CertificateAction):
    action_name = "revoke"
    log_action = "certificates.revoke"

    def commit(self):
        return certificate_revoke(certificate=self.instance, user=self.user, reason=self.reason)

    def log_data(self, result):
        return {"reason": result.revoked_reason}


class CertificateUnrevokeAction(CertificateAction):
    action_name = "unrevoke"
    log_action = "certificates.unrevoke"

    def commit(self):
        # Read the reason being undone under the same lock the service takes,
        # so the entry names the revocation this undo really replaced.
        locked = Certificate.objects.select_for_update().get(pk=self.instance.pk)
        self.revocation_reason = locked.revoked_reason
        return certificate_unrevoke(certificate=locked, user=self.user, reason=self.reason)

    def log_data(self, result):
        return {"reason": self.reason.strip(), "revocation_reason": self.revocation_reason}


class CertificateSuspendAction(CertificateAction):
    """Pause a certificate. The entry keeps the class and the trainer's reason: the
    history is seen only by those who may suspend; verification shows the class only."""

    action_name = "suspend"
    log_action = "certificates.suspend"

    def __init__(self, instance, user=None, *, reason_class: str = "", reason: str = ""):
        super().__init__(instance, user=user, reason=reason)
        self.reason_class = reason_class

    def commit(self):
        return certificate_suspend(
            certificate=self.instance,
            user=self.user,
            reason_class=self.reason_class,
            reason=self.reason,
        )

    def log_data(self, result):
        return {"reason_class": result.suspension_class, "reason": result.suspension_reason}


class CertificateUnsuspendAction(CertificateAction):
    action_name = "unsuspend"
    log_action = "certificates.unsuspend"

    def commit(self):
        locked = Certificate.objects.select_for_update().get(pk=self.instance.pk)
        self.reason_class = locked.suspension_class
        return certificate_unsuspend(certificate=locked, user=self.user)

    def log_data(self, result):
        return {"reason_class": self.reason_class}


class TrainerSignoffAction(AuditedAction):
    """Sign a learner (the enrolment) off; the entry is on the enrolment, as before."""

    action_name = "signoff"
    log_action = "certificates.signoff"

    @cached_property
    def permission_policy(self):
        return certificate_policy

    def user_has_permission(self):
        return self.permission_policy.user_may_sign_off(self.user, self.instance)

    def commit(self):
        return trainer_signoff_give(enrolment=self.instance, trainer=self.user)
