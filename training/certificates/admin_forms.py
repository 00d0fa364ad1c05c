"""Forms and the filters of the certificate admin."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.images.fields import WagtailImageField

from training.courses.models import CoursePage
from training.learning.policies import cohort_policy

from .models import Certificate, CertificateStatus, SuspensionReason, TrainerSignature
from .policies import certificate_policy


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "Shown on the public verification page and kept in the history. "
            "Do not include health or other personal details."
        ),
    )


class SuspendForm(forms.Form):
    reason_class = forms.ChoiceField(
        label=_("Kind of reason"),
        choices=SuspensionReason.choices,
        widget=forms.RadioSelect,
        help_text=_("The public verification page and the API show this, and nothing more."),
    )
    reason = forms.CharField(
        label=_("Reason (private)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "Only trainers see this, in the history. Do not include health or other "
            "personal details."
        ),
    )


class SignatureForm(forms.ModelForm):
    """Name, role and an upload: no image chooser, so nobody can pick someone else's image."""

    upload = WagtailImageField(
        label=_("Signature image"),
        required=False,
        help_text=_("Optional: a scan of your signature on a white or transparent background."),
    )
    remove_image = forms.BooleanField(label=_("Remove my signature image"), required=False)

    class Meta:
        model = TrainerSignature
        fields = ["name", "role"]


def _managed(request):
    return certificate_policy.instances_user_has_permission_for(request.user, "view")


def _cohorts(request):
    return cohort_policy.instances_user_has_permission_for(request.user, "view").order_by("name")


def _courses(request):
    return CoursePage.objects.filter(pk__in=_managed(request).values("course")).order_by("title")


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=CertificateStatus.choices,
        method="filter_status",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    cohort = django_filters.ModelChoiceFilter(label=_("Group"), queryset=_cohorts)
    course = django_filters.ModelChoiceFilter(label=_("Course"), queryset=_courses)
    issued_on = django_filters.DateFromToRangeFilter(
        label=_("Issued on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Certificate
        fields = []

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == CertificateStatus.REVOKED:
            return queryset.filter(revoked_at__isnull=False)
        if value == CertificateStatus.SUSPENDED:
            return queryset.filter(revoked_at__isnull=True, suspended_at__isnull=False)
        if value == CertificateStatus.EXPIRED:
            return queryset.filter(
                revoked_at__isnull=True, suspended_at__isnull=True, valid_until__lt=today
            )
        if value == CertificateStatus.VALID:
            return queryset.filter(revoked_at__isnull=True, suspended_at__isnull=True).filter(
                Q(valid_until__isnull=True) | Q(valid_until__gte=today)
            )
        return queryset
