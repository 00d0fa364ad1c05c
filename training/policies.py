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
implement `instances_for(user, action)`. Who is in scope is never decided
here or in a policy: `instances_for` builds on the one scoping function of
its relation (`training.learning.permissions.cohorts_trained_by` for trainers,
the association's for its staff, the owner for a learner).

The model-level answer ("may this user open the listing at all?") is
`model_actions_for(user)`, asked once per user and request: it is cached on
the user object through Wagtail's own `permission_cache_name`
(`get_cached_permissions_for_user`), so a listing that asks per row costs one
query. By default it is "the actions the user may take on some instance".

Every app registers its policies in its `AppConfig.ready()` by calling its
`policies.register()`: one place and one moment for all of them.
`users_with_any_permission` is only needed where Wagtail lists users (it is
not, in this project), so the default answers with the superusers.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.permission_policies.base import ModelPermissionPolicy


class ScopedPermissionPolicy(ModelPermissionPolicy):
    #: The actions this policy knows; any other action is refused.
    actions: tuple[str, ...] = ("view",)

    def __init__(self, model):
        super().__init__(model)
        # Wagtail's per-user cache of model-level answers, one attribute per policy.
        self.permission_cache_name = f"_scoped_policy_{model._meta.label_lower}"

    def model_actions_for(self, user) -> set[str]:
        """The actions `user` may take at model level (the listing, the add form)."""
        return {action for action in self.actions if self._instances(user, action).exists()}

    def get_all_permissions_for_user(self, user):
        if user is None or not user.is_authenticated or not user.is_active:
            return set()
        return self.model_actions_for(user)

    def instances_for(self, user, action: str) -> QuerySet:
        """Every instance `user` may perform `action` on (an empty queryset if none)."""
        raise NotImplementedError

    def _instances(self, user, action: str) -> QuerySet:
        if action not in self.actions or user is None or not user.is_authenticated:
            return self.model._default_manager.none()
        return self.instances_for(user, action)

    # -- model level: "may this user do `action` on some instance?" ------------

    def user_has_permission(self, user, action):
        if action not in self.actions or user is None:
            return False
        return action in self.get_cached_permissions_for_user(user)

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
