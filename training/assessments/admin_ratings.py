"""Ratings of peer feedback in the Wagtail admin: a read-only ModelViewSet.

How did learners rate the feedback a fellow learner gave them (helpful?
felt heard? 1 to 4). The list filters by group, the learner who gave the
feedback and date, and exports to CSV/XLSX; every row comes from
`ReviewRatingPolicy`: only feedback given within the cohorts the user
trains. The learner's thank-you note is not exported or listed.
"""

from __future__ import annotations

import django_filters
import django_filters.fields
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.model import ModelViewSet

from training.admin_toolkit import ReadOnlyViewSetMixin, SafeSpreadsheetMixin, ViewPermissionMixin

from .admin_listing import (
    trained_cohorts,
)
from .models import ReviewRating
from .policies import review_rating_policy


def ratings_visible_to(user):
    return review_rating_policy.instances_for(user, "view").select_related(
        "review__reviewer", "review__author", "review__assignment", "review__submission__cohort"
    )


def learners_of_trained_cohorts(request):
    if request is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(enrolments__cohort__in=trained_cohorts(request))
        .distinct()
        .order_by("display_name", "email")
    )


class LearnerChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name()


class LearnerChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = LearnerChoiceField


class RatingFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        field_name="review__submission__cohort", queryset=trained_cohorts, label=_("Group")
    )
    reviewer = LearnerChoiceFilter(
        field_name="review__reviewer",
        queryset=learners_of_trained_cohorts,
        label=_("Feedback given by"),
    )
    rated_at = django_filters.DateFromToRangeFilter(
        label=_("Rated on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ReviewRating
        fields = []


class RatingIndexView(SafeSpreadsheetMixin, generic.IndexView):
    any_permission_required = ["view"]
    default_ordering = "rated_at"
    search_fields = ["review__reviewer__display_name", "review__reviewer__email"]
    search_backend_name = None
    list_export = [
        "review.reviewer.get_full_name",
        "review.author.get_full_name",
        "review.assignment.title",
        "review.submission.cohort.name",
        "helpfulness",
        "felt_heard",
        "rated_at",
    ]
    export_headings = {
        "review.reviewer.get_full_name": _("Feedback given by"),
        "review.author.get_full_name": _("Rated by"),
        "review.assignment.title": _("Assignment"),
        "review.submission.cohort.name": _("Group"),
        "helpfulness": _("Helpful (1–4)"),
        "felt_heard": _("Felt heard (1–4)"),
        "rated_at": _("Rated on"),
    }
    export_filename = "beoordelingen-feedback"

    def get_base_queryset(self):
        return ratings_visible_to(self.request.user)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "reviewer",
                label=_("Feedback given by"),
                accessor="review.reviewer.get_full_name",
                get_url=self.get_inspect_url,
            ),
            Column("author", label=_("Rated by"), accessor="review.author.get_full_name"),
            TitleColumn(
                "assignment",
                label=_("Assignment"),
                accessor="review.assignment.title",
                get_url=lambda rating: reverse(
                    "reflection_queue:submission", args=[rating.review.submission.public_id]
                ),
            ),
            Column("cohort", label=_("Group"), accessor="review.submission.cohort.name"),
            Column("helpfulness", label=_("Helpful (1–4)"), sort_key="helpfulness"),
            Column("felt_heard", label=_("Felt heard (1–4)"), sort_key="felt_heard"),
            DateColumn("rated_at", label=_("Rated on"), sort_key="rated_at"),
        ]


class RatingInspectView(generic.InspectView):
    any_permission_required = ["view"]

    def get_object(self, queryset=None):
        return get_object_or_404(ratings_visible_to(self.request.user), pk=self.pk)

    def get_page_subtitle(self):
        return self.object.review.reviewer.get_full_name()

    def get_fields(self):
        return ["helpfulness", "felt_heard", "rated_at"]


class RatingHistoryView(ViewPermissionMixin, HistoryView):
    def get_base_object_queryset(self):
        return ratings_visible_to(self.request.user)


class ReviewRatingViewSet(ReadOnlyViewSetMixin, ModelViewSet):
    """Read-only: learners rate feedback on the learner side (`services.review_rate`)."""

    model = ReviewRating
    icon = "pick"
    menu_label = _("Ratings of feedback")
    filterset_class = RatingFilterSet
    index_view_class = RatingIndexView
    inspect_view_class = RatingInspectView
    history_view_class = RatingHistoryView
