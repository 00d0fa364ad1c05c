"""The erasure queue in the Wagtail admin: requests a trainer or administrator decides.

Requests are looked up through `erasure_requests_decidable_by(request.user)`:
a trainer sees those of learners in cohorts they train, a superuser all of
them, and a wrong id is a 404. Every response is no-store: the detail page
shows the account's name and email until it is erased.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from training.assessments.models import ConcernFlag
from training.certificates.models import Certificate

from . import errors, services
from .forms import ErasureDecisionForm
from .models import ErasureRequest
from .permissions import can_see_erasure_queue, erasure_requests_decidable_by

URL_NAMESPACE = "privacy_erasure"


def _account(request: ErasureRequest) -> str:
    user = request.user
    if user.is_erased:
        return gettext("Erased account #%(pk)s") % {"pk": user.pk}
    return f"{user.get_full_name()} ({user.email})"


class QueueView(generic.IndexView):
    """Pending requests first, then the decided ones."""

    model = ErasureRequest
    permission_policy = None
    any_permission_required = None
    index_url_name = f"{URL_NAMESPACE}:index"
    index_results_url_name = f"{URL_NAMESPACE}:index_results"
    page_title = _("Account deletion")
    header_icon = "bin"
    paginate_by = 50
    default_ordering = "status"
    columns = [
        TitleColumn(
            "account",
            label=_("Account"),
            accessor=_account,
            get_url=lambda obj: reverse(f"{URL_NAMESPACE}:decide", args=[obj.pk]),
        ),
        Column(
            "reasons",
            label=_("Why a decision is needed"),
            accessor=lambda obj: ", ".join(obj.reason_labels()),
        ),
        DateColumn("requested_at", label=_("Requested")),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda obj: obj.status == ErasureRequest.Status.PENDING,
        ),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_erasure_queue(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return erasure_requests_decidable_by(self.request.user).select_related("user")

    def order_queryset(self, queryset):
        return queryset.order_by("-status", "-requested_at", "-pk")


class DecideView(WagtailAdminTemplateMixin, TemplateView):
    """What erasing this account means, and the two choices."""

    template_name = "privacy/admin/decide.html"
    page_title = _("Account deletion request")
    header_icon = "bin"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.erasure = get_object_or_404(
            erasure_requests_decidable_by(request.user).select_related("user"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return _account(self.erasure)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": gettext("Account deletion")},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get_context_data(self, form=None, **kwargs):
        user = self.erasure.user
        return super().get_context_data(
            erasure=self.erasure,
            account=_account(self.erasure),
            certificates=Certificate.objects.filter(learner=user).order_by("-issued_at"),
            open_concerns=ConcernFlag.objects.filter(
                submission__author=user, followed_up_at__isnull=True
            ).count(),
            form=form or ErasureDecisionForm(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = ErasureDecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        approve = request.POST.get("decision") == "erase"
        try:
            services.erasure_decide(
                request=self.erasure,
                by=request.user,
                approve=approve,
                note=form.cleaned_data["note"],
            )
        except errors.PrivacyError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                gettext("The account has been erased.")
                if approve
                else gettext("The request has been turned down; the learner sees your note."),
            )
        return redirect(f"{URL_NAMESPACE}:index")
