"""Trainer writes of the skills lab, as audited actions (training.actions)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from training.actions import AuditedAction
from training.learning.policies import cohort_policy

from . import services
from .policies import practice_group_policy


class CohortPracticeAction(AuditedAction):
    """A trainer's write on an activity for one cohort: allowed to whoever may change the
    cohort (the cohort policy), logged on the cohort."""

    def __init__(self, activity, *, cohort, user):
        super().__init__(activity, user=user)
        self.cohort = cohort

    def check(self, skip_permission_checks=False):
        if skip_permission_checks:
            return
        if not cohort_policy.user_has_permission_for_instance(self.user, "change", self.cohort):
            raise PermissionDenied

    def log_instance(self, result):
        return self.cohort


class FormGroupsAction(CohortPracticeAction):
    """Form the practice groups of one cohort for one activity."""

    log_action = "practice.groups_form"

    def commit(self):
        return services.practice_groups_form(activity=self.instance, cohort=self.cohort)

    def log_data(self, result):
        return {"activity": self.instance.pk, "groups": [g.pk for g in result]}


class MoveMemberAction(AuditedAction):
    """Move one learner to another practice group (before the rounds start)."""

    log_action = "practice.member_move"

    def __init__(self, member, *, group, user):
        super().__init__(member, user=user)
        self.group = group

    def check(self, skip_permission_checks=False):
        if skip_permission_checks:
            return
        for group in (self.instance.group, self.group):
            if not practice_group_policy.user_has_permission_for_instance(
                self.user, "change", group
            ):
                raise PermissionDenied

    def commit(self):
        return services.practice_member_move(member=self.instance, group=self.group)

    def log_instance(self, result):
        return self.group.cohort

    def log_data(self, result):
        return {"member": self.instance.pk, "to_group": self.group.pk}


class GroupWithTrainerAction(CohortPracticeAction):
    """One or two learners wait: a smaller group with the trainer in it."""

    log_action = "practice.group_with_trainer"

    def commit(self):
        return services.practice_group_with_trainer_form(
            activity=self.instance, cohort=self.cohort, trainer=self.user
        )

    def log_data(self, result):
        return {"activity": self.instance.pk, "group": result.pk}


class WrittenPartnerAction(CohortPracticeAction):
    """A waiting learner practises in writing with a learner of another cohort."""

    log_action = "practice.written_partner"

    def __init__(self, activity, *, enrolment, user):
        super().__init__(activity, cohort=enrolment.cohort, user=user)
        self.enrolment = enrolment

    def commit(self):
        return services.practice_written_partner_pair(
            activity=self.instance, enrolment=self.enrolment
        )

    def log_data(self, result):
        return {
            "activity": self.instance.pk,
            "enrolment": self.enrolment.pk,
            "group": result.pk,
            "members": [m.pk for m in result.members.all()],
        }
