"""Pieces every listing of the reflection workspace in the admin shares."""

from __future__ import annotations

from django.urls import path

from training.http import no_store
from training.learning.models import Cohort
from training.learning.permissions import cohorts_trained_by
from training.spreadsheets import csv_safe


class PrivateResponseMixin:
    """These pages carry what learners write about their health: never cached."""

    def dispatch(self, request, *args, **kwargs):
        return no_store(super().dispatch(request, *args, **kwargs))


class SafeSpreadsheetMixin:
    """Every exported cell through `csv_safe`: a name like "=HYPERLINK(…)" stays text."""

    def preprocess_field_value(self, field, value, export_format):
        return csv_safe(super().preprocess_field_value(field, value, export_format))


class ViewPermissionMixin:
    """History of an object the user may view (Wagtail asks for add/change/delete)."""

    any_permission_required = ["view"]


def trained_cohorts(request):
    """The cohorts a filter may offer: those the user trains."""
    if request is None:
        return Cohort.objects.none()
    return cohorts_trained_by(request.user).select_related("course").order_by("-starts_on", "name")


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
