"""The base of every per-model permission policy in the project.

Wagtail asks a permission policy who may do what with a model
(`wagtail.permissions.policy_registry`). In this project the answer
depends on the object: a trainer acts on the cohorts they train, an
association's staff on their own facilitators. A policy built on
`ScopedPermissionPolicy` answers every question from one scoped queryset
per action (`instances_for`), so the list a view shows, the object a view
fetches (a wrong id is a 404) and the permission an action checks can never
disagree.

Subclasses set `model` through `__init__` (as Wagtail's policies do) and
implement `instances_for(user, action)`; `users_with_any_permission` is
only needed where Wagtail lists users (it is not, in this project), so the
default answers with the superusers.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.permission_policies.base import ModelPermissionPolicy


class ScopedPermissionPolicy(ModelPermissionPolicy):
    #: The actions this policy knows; any other action is refused.
    actions: tuple[str, ...] = ("view",)

    def instances_for(self, user, action: str) -> QuerySet:
        """Every instance `user` may perform `action` on (an empty queryset if none)."""
        raise NotImplementedError

    def _instances(self, user, action: str) -> QuerySet:
        if action not in self.actions or user is None or not user.is_authenticated:
            return self.model._default_manager.none()
        return self.instances_for(user, action)

    # -- model level: "may this user do `action` on some instance?" ------------

    def user_has_permission(self, user, action):
        return self._instances(user, action).exists()

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    # -- instance level --------------------------------------------------------

    def user_has_permission_for_instance(self, user, action, instance):
        if instance is None or instance.pk is None:
            return False
        return self._instances(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        querysets = [self._instances(user, action) for action in actions]
        if not querysets:
            return self.model._default_manager.none()
        pks = set()
        for queryset in querysets:
            pks.update(queryset.values_list("pk", flat=True))
        return self.model._default_manager.filter(pk__in=pks)

    def instances_user_has_permission_for(self, user, action):
        return self._instances(user, action)
