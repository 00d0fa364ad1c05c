"""Who may do what with cohorts in the admin: one policy, registered with Wagtail.

A trainer views, changes and invites learners to the cohorts they train; a
superuser to every cohort. Adding a cohort needs the Trainer group's
`add_cohort` permission (a new trainer trains no cohort yet), deleting one
the `delete_cohort` permission, which only administrators hold
(`training.courses.permissions`). Every admin view and action asks this
policy, so the list a trainer sees, the cohort a URL opens (a wrong id is a
404) and the permission an action checks are the same answer.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.permissions import register_permission_policy

from training.academies.models import Role
from training.academies.permissions import academies_overseen_by, held_roles
from training.policies import ScopedPermissionPolicy

from .models import Cohort, Enrolment
from .permissions import cohorts_trained_by, is_trainer

#: The Django permission each action needs, on top of training the cohort.
ACTION_PERMISSIONS = {
    "view": "view_cohort",
    "add": "add_cohort",
    "change": "change_cohort",
    "delete": "delete_cohort",
    "invite": "change_cohort",
}


class TrainerScopedPolicy(ScopedPermissionPolicy):
    """The base of every policy over trainers' work (reflections, certificates, practice,
    after-course work): at model level every trainer may open its screens (a trainer
    without cohorts sees empty lists); at instance level `instances_for` scopes by
    `cohorts_trained_by` or `learners_trained_by`, never by a rule of its own."""

    def model_actions_for(self, user) -> set[str]:
        return set(self.actions) if is_trainer(user) else set()


class CohortPolicy(ScopedPermissionPolicy):
    actions = tuple(ACTION_PERMISSIONS)

    def _has_django_permission(self, user, action: str) -> bool:
        return (
            action in ACTION_PERMISSIONS
            and user is not None
            and user.is_authenticated
            and user.is_active
            and user.has_perm(f"learning.{ACTION_PERMISSIONS[action]}")
        )

    def instances_for(self, user, action: str) -> QuerySet[Cohort]:
        if not self._has_django_permission(user, action):
            return Cohort.objects.none()
        return cohorts_trained_by(user)

    def model_actions_for(self, user) -> set[str]:
        # Model level ("may this user use the listing, the add form?"): the
        # group's permission, so a trainer without cohorts can create one.
        return {action for action in self.actions if self._has_django_permission(user, action)}


cohort_policy = CohortPolicy(Cohort)


class EnrolmentOverviewPolicy(ScopedPermissionPolicy):
    """An academy's staff (and administrators) view, read-only, who is enrolled in the
    academy's cohorts (`academies_overseen_by`); a superuser every academy's. Platform
    cohorts have no staff. Enrolments change only through the learning services."""

    actions = ("view",)

    def instances_for(self, user, action: str) -> QuerySet[Enrolment]:
        return Enrolment.objects.filter(cohort__academy__in=academies_overseen_by(user))

    def model_actions_for(self, user) -> set[str]:
        overseeing = held_roles(user) & {Role.STAFF, Role.ADMINISTRATOR}
        return {"view"} if overseeing else set()


enrolment_overview_policy = EnrolmentOverviewPolicy(Enrolment)


def register() -> None:
    """Called from `LearningConfig.ready()`, as every app registers its policies."""
    register_permission_policy(Cohort, cohort_policy)
    register_permission_policy(Enrolment, enrolment_overview_policy)
