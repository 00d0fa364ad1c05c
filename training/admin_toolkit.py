"""The admin toolkit: what the project's Wagtail viewsets share, so a viewset is configuration.

- **No cache.** Wagtail wraps every admin URL in `never_cache` (`Cache-Control: max-age=0,
  no-cache, no-store, must-revalidate, private`), viewsets included: no admin view sets
  cache headers itself.
- `scoped_object_or_404` and, for Wagtail's generic views, `PolicyScopedObjectMixin`: the
  object comes from the view's permission policy (a wrong or foreign id is a 404, before any 403).
- `ReadOnlyViewSetMixin`: a viewset with only list, inspect and history (objects change
  through their audited actions).
- `SafeSpreadsheetMixin`: every exported cell through `csv_safe`.
- `ViewPermissionMixin`: the history of an object the user may view.

A shared helper: it imports no app (`tests/test_import_direction.py`).
"""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import path

from training.spreadsheets import csv_safe


def scoped_object_or_404(policy, user, action: str, pk):
    """The object `pk` if `user` may do `action` on it under `policy`, else a 404 (also for
    an id of the wrong shape): the one lookup every admin view makes."""
    queryset = policy.instances_user_has_permission_for(user, action)
    try:
        return queryset.get(pk=unquote(str(pk)))
    except (policy.model.DoesNotExist, ValueError, ValidationError):
        raise Http404 from None


class PolicyScopedObjectMixin:
    """For Wagtail's generic object views: the object comes from the policy.

    `scope_action` is the policy action the view needs; objects are looked up
    among the instances the user may do it on, and in `setup()`, before
    `dispatch()` checks model-level permissions, so an object outside the
    user's scope is a 404 whatever the view (even one they may not use).
    """

    scope_action = "view"
    scope_select_related: tuple[str, ...] = ()

    def scoped_queryset(self):
        queryset = self.permission_policy.instances_user_has_permission_for(
            self.request.user, self.scope_action
        )
        if self.scope_select_related:
            queryset = queryset.select_related(*self.scope_select_related)
        return queryset

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.kwargs.get(getattr(self, "pk_url_kwarg", "pk")) is not None and not getattr(
            self, "object", None
        ):
            self.object = self.get_object()

    def get_base_object_queryset(self):
        return self.scoped_queryset()

    def get_object(self, queryset=None):
        if getattr(self, "object", None) is not None:
            return self.object
        pk = self.kwargs[getattr(self, "pk_url_kwarg", "pk")]
        queryset = self.scoped_queryset()
        try:
            return queryset.get(pk=unquote(str(pk)))
        except (queryset.model.DoesNotExist, ValueError, ValidationError):
            raise Http404 from None


class ReadOnlyViewSetMixin:
    """A ModelViewSet with only its list, inspect and history views.

    The objects change through their actions (`actions.py`), never through a
    generic edit form, so there are no add, edit, delete or usage views and
    no model permissions to hand out in the groups screen.
    """

    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_admin_menu = False

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add_url_name", "edit_url_name", "delete_url_name", "usage_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{conv}:pk>/", self.inspect_view, name="inspect"),
            path(f"history/<{conv}:pk>/", self.history_view, name="history"),
            path(
                f"history-results/<{conv}:pk>/",
                self.history_results_view,
                name="history_results",
            ),
        ]

    def get_permissions_to_register(self):
        return []

    def register_admin_url_finder(self):
        pass


class SafeSpreadsheetMixin:
    """Every exported cell through `csv_safe`: a name like "=HYPERLINK(…)" stays text."""

    def preprocess_field_value(self, field, value, export_format):
        return csv_safe(super().preprocess_field_value(field, value, export_format))


class ViewPermissionMixin:
    """History of an object the user may view (Wagtail asks for add/change/delete)."""

    any_permission_required = ["view"]
