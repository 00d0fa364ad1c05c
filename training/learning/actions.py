"""Trainer writes on cohorts: check through the cohort policy, change through the
service, one audit entry, in one transaction (`training.actions.AuditedAction`).

Personal invitations (bulk invite, resend, withdraw) already leave exactly
one entry each from their services in `invitations.py`, written only when
something changed; their views check the policy's `invite` action.
"""

from __future__ import annotations

from functools import cached_property

from training.actions import AuditedAction

from .policies import cohort_policy
from .services import cohort_rotate_invite


class CohortRotateInviteAction(AuditedAction):
    """A new invite link; the entry records that it happened, never the link."""

    action_name = "rotate_invite"
    permission_policy_action = "invite"
    log_action = "learning.rotate_invite"

    @cached_property
    def permission_policy(self):
        return cohort_policy

    def commit(self):
        return cohort_rotate_invite(cohort=self.instance)
