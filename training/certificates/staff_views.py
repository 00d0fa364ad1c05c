"""An academy's staff screen: its groups, who is enrolled, progress counts and certificates.

Read-only, for an academy's staff (and administrators; a superuser sees every academy):
the enrolments of the academy's cohorts (`learning.policies.enrolment_overview_policy`,
scoped by `academies.permissions.academies_overseen_by`), each with the learner's name,
the group, the course, how many lessons are done and the state of the certificate
(valid, expired, suspended, revoked, or none yet). Filter by group; export as a
spreadsheet (Wagtail's export, every cell through `csv_safe`).

It lives here, not in `academies`, because it shows certificates (the app order,
`tests/test_import_direction.py`). Never a reflection, review, practice note, support
request or any text a learner wrote: only names, counts, dates and states. One query
for the page's rows (the certificate state is computed in SQL from the latest
certificate, so sorting, filtering and the export agree).
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Case, CharField, OuterRef, Subquery, Value, When
from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from training.admin_toolkit import SafeSpreadsheetMixin
from training.learning.models import Cohort, Enrolment
from training.learning.policies import enrolment_overview_policy

from .models import Certificate, CertificateStatus

NO_CERTIFICATE = "none"


def _state_label(code: str) -> str:
    if not code or code == NO_CERTIFICATE:
        return gettext("No certificate yet")
    return capfirst(CertificateStatus(code).label)


def enrolments_with_certificate_state(queryset):
    """`certificate_state` (a `CertificateStatus` value, or "none") and `certificate_valid_until`
    of each enrolment's latest certificate, computed by the database."""
    latest = Certificate.objects.filter(enrolment=OuterRef("pk")).order_by("-period", "-pk")
    today = timezone.localdate()
    return queryset.annotate(
        certificate_id=Subquery(latest.values("pk")[:1]),
        certificate_revoked_at=Subquery(latest.values("revoked_at")[:1]),
        certificate_suspended_at=Subquery(latest.values("suspended_at")[:1]),
        certificate_valid_until=Subquery(latest.values("valid_until")[:1]),
    ).annotate(
        certificate_state=Case(
            When(certificate_id__isnull=True, then=Value(NO_CERTIFICATE)),
            When(certificate_revoked_at__isnull=False, then=Value(CertificateStatus.REVOKED)),
            When(certificate_suspended_at__isnull=False, then=Value(CertificateStatus.SUSPENDED)),
            When(certificate_valid_until__lt=today, then=Value(CertificateStatus.EXPIRED)),
            default=Value(CertificateStatus.VALID),
            output_field=CharField(),
        )
    )


def _cohorts(request):
    enrolments = enrolment_overview_policy.instances_user_has_permission_for(request.user, "view")
    return Cohort.objects.filter(pk__in=enrolments.values("cohort")).order_by("name")


class OverviewFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(label=_("Group"), queryset=_cohorts)
    certificate_state = django_filters.ChoiceFilter(
        label=_("Certificate"),
        choices=[(NO_CERTIFICATE, _("No certificate yet")), *CertificateStatus.choices],
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Enrolment
        fields = []


class OverviewIndexView(SafeSpreadsheetMixin, generic.IndexView):
    page_title = _("Academy overview")

    def get_base_queryset(self):
        enrolments = enrolment_overview_policy.instances_user_has_permission_for(
            self.request.user, "view"
        )
        return enrolments_with_certificate_state(
            enrolments.select_related("learner", "cohort", "course", "cohort__academy")
        ).order_by("cohort__name", "learner__display_name", "pk")

    @cached_property
    def columns(self):
        return [
            Column("learner", label=_("Learner"), accessor=_learner_name),
            Column("cohort", label=_("Group"), accessor="cohort.name"),
            Column("course", label=_("Course"), accessor="course.title"),
            Column("status", label=_("Enrolment"), accessor="get_status_display"),
            Column("lessons_done", label=_("Lessons done")),
            Column("certificate_state", label=_("Certificate"), accessor=_certificate_label),
            Column("certificate_valid_until", label=_("Valid until")),
        ]

    def get_filename(self):
        return f"academie-overzicht-{timezone.localdate().isoformat()}"

    def preprocess_field_value(self, field, value, export_format):
        if field == "certificate_state":
            value = _state_label(value)
        elif field == "status":
            value = str(Enrolment.Status(value).label)
        return super().preprocess_field_value(field, value, export_format)


def _learner_name(enrolment) -> str:
    return enrolment.learner.get_full_name()


def _certificate_label(enrolment) -> str:
    return _state_label(enrolment.certificate_state)


class AcademyOverviewViewSet(ModelViewSet):
    """Registered in `wagtail_hooks.py`; only the listing and its export."""

    model = Enrolment
    name = "academy_overview"
    url_prefix = "academie-overzicht"
    icon = "table"
    menu_label = _("Academy overview")
    menu_order = 270
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    search_backend_name = None
    search_fields = None
    permission_policy = enrolment_overview_policy
    index_view_class = OverviewIndexView
    filterset_class = OverviewFilterSet
    list_per_page = 50
    list_export = [
        "learner.display_name",
        "cohort.name",
        "course.title",
        "status",
        "lessons_done",
        "certificate_state",
        "certificate_valid_until",
    ]
    export_headings = {
        "learner.display_name": _("Learner"),
        "cohort.name": _("Group"),
        "course.title": _("Course"),
        "status": _("Enrolment"),
        "lessons_done": _("Lessons done"),
        "certificate_state": _("Certificate"),
        "certificate_valid_until": _("Valid until"),
    }

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{f"{name}_url_name": None for name in ("add", "edit", "delete", "usage", "history")},
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    def get_permissions_to_register(self):
        return []

    def register_admin_url_finder(self):
        pass
