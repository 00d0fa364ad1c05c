"""The trainer side of certificates, in the Wagtail admin.

Trainers list the certificates of the cohorts they train (superusers: all),
revoke or un-revoke them with a reason (Wagtail's audit log records who,
when and why), sign learners off for courses that ask for it, and set the
signature printed on the certificates they sign. Every lookup goes through
the querysets in permissions.py, so a wrong id is a 404.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.images.fields import WagtailImageField
from wagtail.models import ModelLogEntry

from training.http import no_store

from . import services
from .actions import CertificateRevokeAction, CertificateUnrevokeAction, TrainerSignoffAction
from .downloads import certificate_pdf_response
from .models import Certificate, CertificateStatus, TrainerSignature
from .policies import certificate_policy
from .rules import rules_evaluate
from .selectors import certificate_public, verification_url
from .signatures import trainer_signature_save


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


class TrainerView(WagtailAdminTemplateMixin, TemplateView):
    """Base: trainers and superusers only; breadcrumbs back to the certificate list."""

    header_icon = "doc-full"
    index_url_name = "certificates_admin:index"

    def dispatch(self, request, *args, **kwargs):
        if not certificate_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": capfirst_plural()},
            {"url": "", "label": self.get_page_title()},
        ]

    def render_to_response(self, context, **response_kwargs):
        return no_store(super().render_to_response(context, **response_kwargs))


def capfirst_plural():
    return str(Certificate._meta.verbose_name_plural).capitalize()


STATUS_FILTERS = [
    ("", _("All")),
    (CertificateStatus.VALID, _("Valid")),
    (CertificateStatus.EXPIRED, _("Expired")),
    (CertificateStatus.REVOKED, _("Revoked")),
]


class CertificateIndexView(TrainerView):
    template_name = "certificates/admin/index.html"
    page_title = _("Certificates")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                gettext("Sign-offs"), url=reverse("certificates_admin:signoffs"), icon_name="tick"
            ),
            HeaderButton(
                gettext("My signature"),
                url=reverse("certificates_admin:signature"),
                icon_name="edit",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        queryset = certificate_policy.instances_user_has_permission_for(
            self.request.user, "view"
        ).select_related("cohort")
        query = self.request.GET.get("q", "").strip()
        if query:
            queryset = queryset.filter(
                Q(holder_name__icontains=query)
                | Q(course_title__icontains=query)
                | Q(cohort_name__icontains=query)
                | Q(code__icontains=query.replace("-", "").upper())
            )
        status = self.request.GET.get("status", "")
        if status == CertificateStatus.REVOKED:
            queryset = queryset.filter(revoked_at__isnull=False)
        elif status == CertificateStatus.EXPIRED:
            queryset = queryset.filter(revoked_at__isnull=True, valid_until__lt=today)
        elif status == CertificateStatus.VALID:
            queryset = queryset.filter(revoked_at__isnull=True).filter(
                Q(valid_until__isnull=True) | Q(valid_until__gte=today)
            )
        page = Paginator(queryset.order_by("-issued_at", "-pk"), 50).get_page(
            self.request.GET.get("p")
        )
        context.update(
            {
                "page_obj": page,
                "query": query,
                "status": status,
                "status_filters": STATUS_FILTERS,
                "today": today,
            }
        )
        return context


class CertificateObjectView(TrainerView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            certificate_policy.instances_user_has_permission_for(
                request.user, "view"
            ).select_related("cohort", "learner"),
            pk=kwargs["pk"],
        )

    def get_page_subtitle(self):
        return self.object.holder_name


class CertificateDetailView(CertificateObjectView):
    """The certificate as verification shows it, its history, and revoke / undo."""

    template_name = "certificates/admin/detail.html"
    page_title = _("Certificate")
    form = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.object
        context.update(
            {
                "certificate": certificate,
                "public": certificate_public(certificate),
                "verification_url": verification_url(certificate),
                "form": self.form or ReasonForm(),
                "history": ModelLogEntry.objects.for_instance(certificate)
                .select_related("user")
                .order_by("-timestamp"),
                "action_url": reverse(
                    "certificates_admin:unrevoke"
                    if certificate.is_revoked
                    else "certificates_admin:revoke",
                    args=[certificate.pk],
                ),
            }
        )
        return context


class CertificateRevokeView(CertificateDetailView):
    """POST: revoke (or with `undo`, un-revoke) with a reason; errors re-show the detail page."""

    http_method_names = ["post"]
    undo = False

    def post(self, request, *args, **kwargs):
        self.form = ReasonForm(request.POST)
        if self.form.is_valid():
            action_class = CertificateUnrevokeAction if self.undo else CertificateRevokeAction
            action = action_class(
                self.object, user=request.user, reason=self.form.cleaned_data["reason"]
            )
            try:
                action.execute()
            except services.CertificateError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    gettext("The revocation is undone: the certificate is valid again.")
                    if self.undo
                    else gettext("The certificate is revoked. Verification shows this at once."),
                )
            return redirect("certificates_admin:detail", pk=self.object.pk)
        return self.render_to_response(self.get_context_data(), status=400)


class CertificatePdfView(CertificateObjectView):
    def get(self, request, *args, **kwargs):
        if not self.object.is_ready:
            raise Http404
        return certificate_pdf_response(self.object)


class SignoffIndexView(TrainerView):
    """Learners in the trainer's cohorts whose course asks for a final sign-off."""

    template_name = "certificates/admin/signoffs.html"
    page_title = _("Sign-offs")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enrolments = (
            certificate_policy.enrolments_for_signoff(self.request.user)
            .select_related("learner", "course", "cohort", "certificate_signoff")
            .order_by("cohort__name", "learner__display_name", "learner__email")
        )
        rows = []
        for enrolment in enrolments:
            results = rules_evaluate(enrolment=enrolment, exclude={"require_trainer_signoff"})
            signoff = getattr(enrolment, "certificate_signoff", None)
            rows.append({"enrolment": enrolment, "results": results, "signoff": signoff})
        context["rows"] = rows
        return context

    def post(self, request, *args, **kwargs):
        enrolment = get_object_or_404(
            certificate_policy.enrolments_for_signoff(request.user),
            pk=request.POST.get("enrolment"),
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
        return redirect("certificates_admin:signoffs")


class SignatureView(TrainerView):
    """The signed-in trainer's own signature for certificates."""

    template_name = "certificates/admin/signature.html"
    page_title = _("My signature")

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
            return redirect("certificates_admin:signature")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return certificate_policy.user_has_permission(request.user, "view")


class CertificateAdminViewSet(ViewSet):
    name = "certificates_admin"
    url_prefix = "certificaten"
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 260
    add_to_admin_menu = True

    @property
    def menu_item_class(self):
        return TrainerMenuItem

    def get_urlpatterns(self):
        return [
            path("", CertificateIndexView.as_view(), name="index"),
            path("<int:pk>/", CertificateDetailView.as_view(), name="detail"),
            path("<int:pk>/revoke/", CertificateRevokeView.as_view(), name="revoke"),
            path("<int:pk>/unrevoke/", CertificateRevokeView.as_view(undo=True), name="unrevoke"),
            path("<int:pk>/pdf/", CertificatePdfView.as_view(), name="pdf"),
            path("signoffs/", SignoffIndexView.as_view(), name="signoffs"),
            path("signature/", SignatureView.as_view(), name="signature"),
        ]
