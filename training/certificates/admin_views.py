"""The trainer side of certificates, in the Wagtail admin, on Wagtail's own machinery.

One `ModelViewSet` builds every screen: the index (filters, search, paging,
CSV and XLSX export), inspect, history (from the audit log), revoke and undo,
the PDF download, the sign-off list and the trainer's own signature. Every
object comes from the certificate policy (`policies.py`), so a wrong id is a
404, and every write is an action (`actions.py`) that leaves one audit entry.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from training.admin_toolkit import PolicyScopedObjectMixin, SafeSpreadsheetMixin

from .actions import (
    CertificateRevokeAction,
    CertificateSuspendAction,
    CertificateUnrevokeAction,
    CertificateUnsuspendAction,
    TrainerSignoffAction,
)
from .admin_forms import CertificateFilterSet, ReasonForm, SignatureForm, SuspendForm
from .downloads import certificate_pdf_response
from .models import Certificate, CertificateStatus, TrainerSignature
from .policies import certificate_policy
from .rules import rules_evaluate
from .selectors import certificate_public, verification_url
from .services.errors import CertificateError
from .signatures import trainer_signature_save


def _valid_until(certificate):
    return certificate.valid_until or gettext("Does not expire")


def _status_label(certificate):
    return capfirst(certificate.status.label)


# --- Index: filters, search, export ------------------------------------------


class CertificateIndexView(SafeSpreadsheetMixin, generic.IndexView):
    signoffs_url_name = None
    signature_url_name = None

    def get_base_queryset(self):
        return certificate_policy.instances_user_has_permission_for(
            self.request.user, "view"
        ).select_related("cohort")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        # Codes are stored without dashes, and shown and typed with them.
        code = self.search_query.replace("-", "").replace(" ", "").upper()
        return queryset.filter(
            Q(holder_name__icontains=self.search_query) | Q(code__icontains=code)
        )

    @cached_property
    def columns(self):
        return [
            self._get_title_column("holder_name"),
            Column("course_title", label=_("Course"), sort_key="course_title"),
            Column("cohort_name", label=_("Group"), sort_key="cohort_name"),
            Column("issued_on", label=_("Issued on"), sort_key="issued_on"),
            Column(
                "valid_until", label=_("Valid until"), accessor=_valid_until, sort_key="valid_until"
            ),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor=_status_label,
                primary=lambda certificate: certificate.status == CertificateStatus.VALID,
            ),
        ]

    def get_filename(self):
        return f"certificaten-{timezone.localdate().isoformat()}"

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                gettext("Sign-offs"), url=reverse(self.signoffs_url_name), icon_name="tick"
            ),
            HeaderButton(
                gettext("My signature"), url=reverse(self.signature_url_name), icon_name="edit"
            ),
        ]


# --- One certificate: inspect, history, revoke, PDF --------------------------


class CertificateInspectView(PolicyScopedObjectMixin, generic.InspectView):
    """The certificate as verification shows it, with revoke / undo, PDF and history."""

    template_name = "certificates/admin/inspect.html"
    scope_select_related = ("cohort", "learner")
    revoke_url_name = None
    unrevoke_url_name = None
    suspend_url_name = None
    unsuspend_url_name = None
    pdf_url_name = None
    history_url_name = None

    def get_valid_until_display_value(self):
        return _valid_until(self.object)

    def get_code_display_value(self):
        return self.object.display_code

    def get_pdf_sha256_display_value(self):
        return self.object.pdf_sha256 or "–"

    def get_page_subtitle(self):
        return self.object.holder_name

    @cached_property
    def header_buttons(self):
        certificate = self.object
        buttons = []
        if certificate_policy.user_has_permission_for_instance(
            self.request.user, "revoke", certificate
        ):
            if certificate.is_revoked:
                buttons.append(
                    HeaderButton(
                        gettext("Undo revocation"),
                        url=reverse(self.unrevoke_url_name, args=[certificate.pk]),
                        icon_name="undo",
                        priority=10,
                    )
                )
            else:
                buttons.append(
                    HeaderButton(
                        gettext("Revoke certificate"),
                        url=reverse(self.revoke_url_name, args=[certificate.pk]),
                        icon_name="cross",
                        priority=10,
                    )
                )
                suspended = certificate.is_suspended
                buttons.append(
                    HeaderButton(
                        gettext("Lift suspension") if suspended else gettext("Suspend certificate"),
                        url=reverse(
                            self.unsuspend_url_name if suspended else self.suspend_url_name,
                            args=[certificate.pk],
                        ),
                        icon_name="resubmit" if suspended else "warning",
                        priority=15,
                    )
                )
        if certificate.is_ready:
            buttons.append(
                HeaderButton(
                    gettext("Download PDF"),
                    url=reverse(self.pdf_url_name, args=[certificate.pk]),
                    icon_name="download",
                    priority=20,
                )
            )
        buttons.append(
            HeaderButton(
                gettext("History"),
                url=reverse(self.history_url_name, args=[certificate.pk]),
                icon_name="history",
                priority=30,
            )
        )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["public"] = certificate_public(self.object)
        context["certificate"] = self.object
        context["verification_url"] = verification_url(self.object)
        return context


class CertificateHistoryView(PolicyScopedObjectMixin, HistoryView):
    # Nobody changes a certificate by hand; reading its history is part of viewing it.
    any_permission_required = ["view"]
    # No edit screen to point to.
    header_buttons = []

    def get_page_subtitle(self):
        return self.object.holder_name


class CertificateObjectView(
    PolicyScopedObjectMixin,
    PermissionCheckedMixin,
    BaseObjectMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    """Base for the certificate's own views: the object from the policy, breadcrumbs."""

    model = Certificate
    header_icon = "doc-full"
    scope_select_related = ("cohort", "learner")
    index_url_name = None
    inspect_url_name = None

    def get_page_subtitle(self):
        return self.object.holder_name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _plural()},
            {
                "url": reverse(self.inspect_url_name, args=[self.object.pk]),
                "label": self.object.holder_name,
            },
            {"url": "", "label": self.get_page_title()},
        ]


def _plural():
    return capfirst(Certificate._meta.verbose_name_plural)


class CertificateStatusView(CertificateObjectView):
    """A change of the certificate's status (revoke, suspend and their undoing): the
    certificate as verification shows it beside the form, the change through its action."""

    permission_required = "revoke"
    scope_action = "revoke"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["certificate"] = self.object
        context["public"] = certificate_public(self.object)
        context["cancel_url"] = reverse(self.inspect_url_name, args=[self.object.pk])
        return context

    def execute(self, action, *, done: str):
        try:
            action.execute()
        except CertificateError as error:
            messages.error(self.request, error.message)
        else:
            messages.success(self.request, done)
        return redirect(self.inspect_url_name, self.object.pk)


class CertificateRevokeView(CertificateStatusView):
    """GET: the reason form; POST: revoke (or with `undo`, undo the revocation)."""

    template_name = "certificates/admin/revoke.html"
    undo = False

    def get_page_title(self):
        return gettext("Undo revocation") if self.undo else gettext("Revoke certificate")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ReasonForm())
        context["undo"] = self.undo
        return context

    def post(self, request, *args, **kwargs):
        form = ReasonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        action_class = CertificateUnrevokeAction if self.undo else CertificateRevokeAction
        action = action_class(self.object, user=request.user, reason=form.cleaned_data["reason"])
        return self.execute(
            action,
            done=gettext("The revocation is undone: the certificate is valid again.")
            if self.undo
            else gettext("The certificate is revoked. Verification shows this at once."),
        )


class CertificateSuspendView(CertificateStatusView):
    """GET: the form (or, with `lift`, a confirmation); POST: suspend, or lift the suspension."""

    template_name = "certificates/admin/suspend.html"
    lift = False

    def get_page_title(self):
        return gettext("Lift suspension") if self.lift else gettext("Suspend certificate")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.lift:
            context.setdefault("form", SuspendForm())
        context["lift"] = self.lift
        return context

    def post(self, request, *args, **kwargs):
        if self.lift:
            action = CertificateUnsuspendAction(self.object, user=request.user)
        else:
            form = SuspendForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form=form), status=400)
            action = CertificateSuspendAction(
                self.object,
                user=request.user,
                reason_class=form.cleaned_data["reason_class"],
                reason=form.cleaned_data["reason"],
            )
        return self.execute(
            action,
            done=gettext("The suspension is lifted. Verification shows this at once.")
            if self.lift
            else gettext(
                "The certificate is temporarily suspended. Verification shows this at once, "
                "with the kind of reason but not your text."
            ),
        )


class CertificatePdfView(CertificateObjectView):
    permission_required = "download"
    scope_action = "download"

    def get(self, request, *args, **kwargs):
        if not self.object.is_ready:
            raise Http404
        return certificate_pdf_response(self.object)


# --- Sign-offs and the trainer's signature -----------------------------------


class TrainerView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Base for the trainer's own screens: trainers and superusers only."""

    model = Certificate
    permission_required = "view"
    header_icon = "doc-full"
    index_url_name = None

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _plural()},
            {"url": "", "label": self.get_page_title()},
        ]


class SignoffIndexView(TrainerView):
    """Learners in the trainer's cohorts whose course asks for a final sign-off."""

    template_name = "certificates/admin/signoffs.html"
    page_title = _("Sign-offs")
    signoffs_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enrolments = (
            certificate_policy.enrolments_for_signoff(self.request.user)
            .select_related("learner", "course", "cohort", "certificate_signoff")
            .order_by("cohort__name", "learner__display_name", "learner__email")
        )
        context["rows"] = [
            {
                "enrolment": enrolment,
                "results": rules_evaluate(enrolment=enrolment, exclude={"require_trainer_signoff"}),
                "signoff": getattr(enrolment, "certificate_signoff", None),
            }
            for enrolment in enrolments
        ]
        return context

    def post(self, request, *args, **kwargs):
        enrolment = get_object_or_404(
            certificate_policy.enrolments_for_signoff(request.user).select_related("learner"),
            pk=request.POST.get("enrolment") or None,
        )
        TrainerSignoffAction(enrolment, user=request.user).execute()
        messages.success(
            request,
            gettext(
                "%(name)s is signed off. The certificate follows as soon as every other "
                "rule is met."
            )
            % {"name": enrolment.learner.get_full_name()},
        )
        return redirect(self.signoffs_url_name)


class SignatureView(TrainerView):
    """The signed-in trainer's own signature for certificates."""

    template_name = "certificates/admin/signature.html"
    page_title = _("My signature")
    signature_url_name = None

    def get_form(self):
        instance = TrainerSignature.objects.filter(trainer=self.request.user).first()
        if instance is None:
            instance = TrainerSignature(
                trainer=self.request.user, name=self.request.user.get_full_name()
            )
        if self.request.method == "POST":
            return SignatureForm(self.request.POST, self.request.FILES, instance=instance)
        return SignatureForm(instance=instance)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context["signature"] = TrainerSignature.objects.filter(trainer=self.request.user).first()
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            trainer_signature_save(
                trainer=request.user,
                name=form.cleaned_data["name"],
                role=form.cleaned_data["role"],
                upload=form.cleaned_data["upload"],
                remove_image=form.cleaned_data["remove_image"],
            )
            messages.success(
                request, gettext("Saved. New certificates you sign show this signature.")
            )
            return redirect(self.signature_url_name)
        return self.render_to_response(self.get_context_data(form=form), status=400)


# --- The viewset --------------------------------------------------------------

#: Wagtail's views a certificate has no use for: certificates are issued by
#: the rules, never added, edited or deleted by hand.
UNUSED_VIEWS = {"add", "edit", "delete", "usage", "copy"}


class CertificateViewSet(ModelViewSet):
    model = Certificate
    name = "certificates_admin"
    url_prefix = "certificaten"
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    search_fields = ["holder_name", "code"]
    search_backend_name = None
    filterset_class = CertificateFilterSet
    list_per_page = 50
    ordering = ["-issued_at", "-pk"]
    list_export = [
        "holder_name",
        "display_code",
        "course_title",
        "cohort_name",
        "issued_on",
        "valid_until",
        "status",
    ]
    export_headings = {
        "holder_name": _("Holder"),
        "display_code": _("Verification code"),
        "course_title": _("Course"),
        "cohort_name": _("Group"),
        "issued_on": _("Issued on"),
        "valid_until": _("Valid until"),
        "status": _("Status"),
    }

    inspect_view_fields = [
        "holder_name",
        "course_title",
        "cohort_name",
        "trainer_name",
        "issued_on",
        "valid_until",
        "code",
        "pdf_sha256",
    ]

    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    history_view_class = CertificateHistoryView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{f"{name}_url_name": None for name in UNUSED_VIEWS},
            revoke_url_name=self.get_url_name("revoke"),
            unrevoke_url_name=self.get_url_name("unrevoke"),
            suspend_url_name=self.get_url_name("suspend"),
            unsuspend_url_name=self.get_url_name("unsuspend"),
            pdf_url_name=self.get_url_name("pdf"),
            signoffs_url_name=self.get_url_name("signoffs"),
            signature_url_name=self.get_url_name("signature"),
            **kwargs,
        )

    def get_urlpatterns(self):
        # Wagtail's own list, inspect and history; no add, edit, delete or usage.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("revoke/<int:pk>/", self.construct_view(CertificateRevokeView), name="revoke"),
            path(
                "unrevoke/<int:pk>/",
                self.construct_view(CertificateRevokeView, undo=True),
                name="unrevoke",
            ),
            path("suspend/<int:pk>/", self.construct_view(CertificateSuspendView), name="suspend"),
            path(
                "unsuspend/<int:pk>/",
                self.construct_view(CertificateSuspendView, lift=True),
                name="unsuspend",
            ),
            path("pdf/<int:pk>/", self.construct_view(CertificatePdfView), name="pdf"),
            path("signoffs/", self.construct_view(SignoffIndexView), name="signoffs"),
            path("signature/", self.construct_view(SignatureView), name="signature"),
        ]
