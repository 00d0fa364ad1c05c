"""Every trainer write on reflections, concerns and deadlines, as an audited action.

Each action checks the permission through the model's policy
(`training.assessments.policies`), makes the change through the service and
writes one audit entry, in one transaction (`training.actions.AuditedAction`).
Admin views call these, never the services directly. The entries hold ids,
statuses and dates only: never a reflection, a comment, a concern or a
follow-up note, which are a learner's or trainer's words about a learner.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext_lazy as _

from training.actions import AuditedAction

from .models import ConcernFlag, DeadlineExtension, Submission
from .reflections import deadlines, services

#: (action, label in the history filter, message in the history list)
LOG_ACTIONS = [
    ("assessments.submission_decide", _("Decide on a reflection"), _("Reflection decided")),
    ("assessments.concern_raise", _("Raise a concern"), _("Concern raised")),
    ("assessments.concern_follow_up", _("Follow up a concern"), _("Concern followed up")),
    ("assessments.deadline_extend", _("Extend a deadline"), _("Deadline extended")),
    (
        "assessments.deadline_extension_withdraw",
        _("Withdraw a deadline extension"),
        _("Deadline extension withdrawn"),
    ),
]


class SubmissionDecideAction(AuditedAction):
    """Approve the submitted version, or ask for a revision (`services.submission_decide`)."""

    action_name = "decide"
    permission_policy_action = "decide"
    log_action = "assessments.submission_decide"

    def __init__(self, instance: Submission, user=None, *, approve: bool, comment: str = ""):
        super().__init__(instance, user)
        self.approve, self.comment = approve, comment

    def commit(self) -> Submission:
        return services.submission_decide(
            submission=self.instance, trainer=self.user, approve=self.approve, comment=self.comment
        )

    def log_data(self, result):
        version = result.versions.exclude(decision="").order_by("-number").first()
        return {
            "submission": str(result.public_id),
            "version": version.number if version else None,
            "status": result.status,
        }


class ConcernRaiseAction(AuditedAction):
    """Say "ik maak me zorgen" about a reflection (`services.concern_raise`)."""

    action_name = "raise_concern"
    permission_policy_action = "raise_concern"
    log_action = "assessments.concern_raise"

    def __init__(self, instance: Submission, user=None, *, reason: str):
        super().__init__(instance, user)
        self.reason = reason

    def commit(self) -> ConcernFlag:
        return services.concern_raise(
            submission=self.instance, raised_by=self.user, reason=self.reason
        )

    def log_instance(self, result):
        return result

    def log_data(self, result):
        return {"concern": str(result.public_id), "submission": str(self.instance.public_id)}


class ConcernFollowUpAction(AuditedAction):
    """Mark a concern as followed up (once: a second follow-up changes and logs nothing)."""

    action_name = "follow_up"
    permission_policy_action = "follow_up"
    log_action = "assessments.concern_follow_up"

    def __init__(self, instance: ConcernFlag, user=None, *, note: str = ""):
        super().__init__(instance, user)
        self.note = note

    def execute(self, skip_permission_checks=False):
        if self.instance.followed_up_at is not None:
            self.check(skip_permission_checks=skip_permission_checks)
            return self.instance
        return super().execute(skip_permission_checks=skip_permission_checks)

    def commit(self) -> ConcernFlag:
        return services.concern_follow_up(flag=self.instance, trainer=self.user, note=self.note)

    def log_data(self, result):
        return {
            "concern": str(result.public_id),
            "followed_up_at": result.followed_up_at.isoformat(),
        }


class DeadlineExtendAction(AuditedAction):
    """Give one learner (the enrolment) a later deadline (`deadlines.deadline_extend`)."""

    action_name = "extend_deadline"
    permission_policy_action = "add"
    log_action = "assessments.deadline_extend"

    def __init__(self, instance, user=None, *, assignment, kind: str, until: datetime.date):
        super().__init__(instance, user)
        self.assignment, self.kind, self.until = assignment, kind, until

    @property
    def permission_policy(self):
        from wagtail.permissions import policy_registry

        return policy_registry.get_by_type(DeadlineExtension)

    def user_has_permission(self):
        return (
            self.permission_policy.enrolments_to_extend(self.user)
            .filter(pk=self.instance.pk)
            .exists()
        )

    def commit(self) -> DeadlineExtension:
        return deadlines.deadline_extend(
            enrolment=self.instance,
            assignment=self.assignment,
            kind=self.kind,
            until=self.until,
            granted_by=self.user,
        )

    def log_data(self, result):
        return {"assignment": result.assignment_id, "kind": result.kind, "until": str(result.until)}


class DeadlineExtensionWithdrawAction(AuditedAction):
    """Take an extension back: the learner has the cohort's deadline again."""

    action_name = "withdraw_extension"
    permission_policy_action = "delete"
    log_action = "assessments.deadline_extension_withdraw"

    def commit(self):
        self.logged = {
            "assignment": self.instance.assignment_id,
            "kind": self.instance.kind,
            "until": str(self.instance.until),
        }
        deadlines.deadline_extension_withdraw(extension=self.instance)
        return self.instance

    def log_instance(self, result):
        return result.enrolment

    def log_data(self, result):
        return self.logged
