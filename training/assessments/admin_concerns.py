"""Concerns ("ik maak me zorgen") in the Wagtail admin: a read-only ModelViewSet.

The list (filter by group, status and date; search by learner; CSV/XLSX
export), the inspect view with the follow-up form and the history come from
Wagtail's generic views. Every queryset and object comes from
`ConcernFlagPolicy`: a trainer sees the concerns of the cohorts they train
(superusers: all), any other id is a 404. Following up is the queue's
`concern_follow_up` action view (`ConcernFollowUpAction`).

The export holds who, where and when, never the concern or the follow-up
note: those are words about a learner's wellbeing and stay on the screen.
"""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.model import ModelViewSet

from training.admin_toolkit import ReadOnlyViewSetMixin, SafeSpreadsheetMixin, ViewPermissionMixin

from .admin_forms import ConcernFollowUpForm
from .admin_listing import (
    trained_cohorts,
)
from .models import ConcernFlag
from .policies import concern_flag_policy

OPEN, FOLLOWED_UP = "open", "followed_up"


def concerns_visible_to(user):
    return concern_flag_policy.instances_for(user, "view").select_related(
        "submission__author",
        "submission__assignment",
        "submission__cohort",
        "raised_by",
        "followed_up_by",
    )


def concern_status(flag) -> str:
    return gettext("Followed up") if flag.followed_up_at else gettext("To follow up")


class ConcernFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        field_name="submission__cohort", queryset=trained_cohorts, label=_("Group")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(OPEN, _("To follow up")), (FOLLOWED_UP, _("Followed up"))],
        method="filter_status",
        empty_label=_("All"),
    )
    raised_at = django_filters.DateFromToRangeFilter(
        label=_("Raised on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ConcernFlag
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(followed_up_at__isnull=value == OPEN)


class ConcernIndexView(SafeSpreadsheetMixin, generic.IndexView):
    any_permission_required = ["view"]
    default_ordering = "-raised_at"
    search_fields = [
        "submission__author__display_name",
        "submission__author__email",
        "submission__assignment__title",
    ]
    search_backend_name = None
    list_export = [
        "learner",
        "assignment",
        "group",
        "raised_by",
        "raised_at",
        "status",
        "followed_up_at",
        "followed_up_by",
    ]
    export_headings = {
        "learner": _("Learner"),
        "assignment": _("Assignment"),
        "group": _("Group"),
        "raised_by": _("Raised by"),
        "raised_at": _("Raised on"),
        "status": _("Status"),
        "followed_up_at": _("Followed up on"),
        "followed_up_by": _("Followed up by"),
    }
    export_filename = "zorgen"

    def get_base_queryset(self):
        return concerns_visible_to(self.request.user)

    def order_queryset(self, queryset):
        # Open concerns first, whatever the database does with NULLs.
        queryset = super().order_queryset(queryset)
        if self.ordering == self.default_ordering:
            queryset = queryset.alias(is_open=Q(followed_up_at__isnull=True)).order_by(
                "-is_open", "-raised_at", "-pk"
            )
        return queryset

    def to_row_dict(self, item):
        submission = item.submission
        return {
            "learner": submission.author.get_full_name(),
            "assignment": submission.assignment.title,
            "group": submission.cohort.name,
            "raised_by": item.raised_by.get_full_name() if item.raised_by else "",
            "raised_at": item.raised_at,
            "status": concern_status(item),
            "followed_up_at": item.followed_up_at,
            "followed_up_by": item.followed_up_by.get_full_name() if item.followed_up_by else "",
        }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "learner",
                label=_("Learner"),
                accessor="submission.author.get_full_name",
                get_url=self.get_inspect_url,
            ),
            Column("assignment", label=_("Assignment"), accessor="submission.assignment.title"),
            Column("cohort", label=_("Group"), accessor="submission.cohort.name"),
            Column(
                "reason",
                label=_("Concern"),
                accessor=lambda flag: Truncator(flag.reason).words(25),
            ),
            Column("raised_by", label=_("Raised by"), accessor="raised_by.get_full_name"),
            DateColumn("raised_at", label=_("Raised on"), sort_key="raised_at"),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor=concern_status,
                primary=lambda flag: flag.followed_up_at is None,
            ),
        ]


class ConcernInspectView(generic.InspectView):
    any_permission_required = ["view"]
    template_name = "assessments/admin/concern_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(concerns_visible_to(self.request.user), pk=self.pk)

    def get_page_subtitle(self):
        return self.object.submission.author.get_full_name()

    def get_context_data(self, **kwargs):
        flag = self.object
        context = super().get_context_data(**kwargs)
        context["flag"] = flag
        context["submission_url"] = reverse(
            "reflection_queue:submission", args=[flag.submission.public_id]
        )
        if flag.followed_up_at is None:
            context["follow_up_form"] = ConcernFollowUpForm(prefix=f"flag-{flag.public_id}")
            context["follow_up_url"] = reverse(
                "reflection_queue:concern_follow_up",
                args=[flag.submission.cohort_id, flag.public_id],
            )
        return context


class ConcernHistoryView(ViewPermissionMixin, HistoryView):
    def get_base_object_queryset(self):
        return concerns_visible_to(self.request.user)


class ConcernFlagViewSet(ReadOnlyViewSetMixin, ModelViewSet):
    """Read-only: concerns are raised and followed up through their actions."""

    model = ConcernFlag
    icon = "warning"
    menu_label = _("Concerns")
    filterset_class = ConcernFilterSet
    index_view_class = ConcernIndexView
    inspect_view_class = ConcernInspectView
    history_view_class = ConcernHistoryView
