"""The trainer side of cohorts, in the Wagtail admin.

Every view looks cohorts up through the cohort policy (`policies.py`): a
trainer lists, edits and reports on the cohorts they train, a superuser on
all of them, and a wrong id is a 404 before any permission check runs, so a
response never tells whether another trainer's cohort exists.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.db import transaction
from django.db.models import Count, OuterRef, ProtectedError, RestrictedError, Subquery
from django.db.models.functions import Coalesce
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, ListingButton

from training.admin_toolkit import PolicyScopedObjectMixin

from . import invitations, reports
from .actions import CohortRotateInviteAction
from .admin_forms import BulkInviteForm, CohortForm, ProgressFilterForm
from .models import Cohort, CohortInvitation, Enrolment
from .policies import cohort_policy
from .services import cohort_accepts_enrolment


class CohortObjectView(
    PolicyScopedObjectMixin, PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin
):
    """Base for the extra per-cohort views: lookup through the policy, breadcrumbs, URLs."""

    model = Cohort
    scope_select_related = ("course",)
    header_icon = "group"
    index_url_name = None
    edit_url_name = None
    progress_url_name = None
    progress_csv_url_name = None
    rotate_invite_url_name = None
    invite_bulk_url_name = None
    invitation_resend_url_name = None
    invitation_withdraw_url_name = None

    def cohort_url(self, url_name):
        return reverse(url_name, args=[quote(self.object.pk)])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _field_label_plural()},
            {"url": self.cohort_url(self.edit_url_name), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]


# --- Listing, create, edit, delete ------------------------------------------


def _field_label(name):
    return capfirst(Cohort._meta.get_field(name).verbose_name)


def _field_label_plural():
    return capfirst(Cohort._meta.verbose_name_plural)


def _enrolment_status(cohort) -> str:
    if cohort.ends_on < timezone.localdate():
        return gettext("Ended")
    return gettext("Open") if cohort.is_open else gettext("Closed")


class CohortIndexView(generic.IndexView):
    progress_url_name = None

    def get_base_queryset(self):
        # Learners counted per cohort shown (one indexed subquery per row), not by
        # joining every cohort to every enrolment and grouping before the page is cut.
        active_enrolments = (
            Enrolment.objects.filter(cohort=OuterRef("pk"), status=Enrolment.Status.ACTIVE)
            .order_by()
            .values("cohort")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            cohort_policy.instances_user_has_permission_for(self.request.user, "view")
            .select_related("course")
            .annotate(active_enrolments=Coalesce(Subquery(active_enrolments), 0))
        )

    @cached_property
    def columns(self):
        return [
            self._get_title_column("name"),
            Column(
                "course",
                label=_field_label("course"),
                accessor="course.title",
                sort_key="course__title",
            ),
            Column("starts_on", label=_field_label("starts_on"), sort_key="starts_on"),
            Column("ends_on", label=_field_label("ends_on"), sort_key="ends_on"),
            Column(
                "active_enrolments",
                label=_("Learners"),
                accessor=lambda cohort: (
                    gettext("%(active)s of %(capacity)s")
                    % {"active": cohort.active_enrolments, "capacity": cohort.capacity}
                ),
                sort_key="active_enrolments",
            ),
            StatusTagColumn(
                "is_open",
                label=_("Enrolment"),
                accessor=_enrolment_status,
                primary=cohort_accepts_enrolment,
                sort_key="is_open",
            ),
        ]

    def get_list_buttons(self, instance):
        return [
            ListingButton(
                gettext("Progress"),
                url=reverse(self.progress_url_name, args=[quote(instance.pk)]),
                icon_name="tasks",
                attrs={"aria-label": gettext("Progress of “%(cohort)s”") % {"cohort": instance}},
                priority=5,
            ),
            *super().get_list_buttons(instance),
        ]


class CohortCreateView(generic.CreateView):
    def save_instance(self):
        cohort = super().save_instance()
        user = self.request.user
        # A trainer always trains the cohort they create; a superuser may
        # create one for others, and becomes its trainer only if they chose nobody.
        if not user.is_superuser or not cohort.trainers.exists():
            cohort.trainers.add(user)
        return cohort

    def get_success_url(self):
        # The edit page shows the invite link, the next thing a trainer needs.
        return self.get_edit_url()


class CohortEditView(PolicyScopedObjectMixin, generic.EditView):
    progress_url_name = None
    rotate_invite_url_name = None
    invite_bulk_url_name = None
    invitation_resend_url_name = None
    invitation_withdraw_url_name = None

    @cached_property
    def header_more_buttons(self):
        return [
            Button(
                gettext("Progress"),
                url=reverse(self.progress_url_name, args=[quote(self.object.pk)]),
                icon_name="tasks",
                priority=5,
            ),
            *super().header_more_buttons,
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pk = quote(self.object.pk)
        context["invite_url"] = self.request.build_absolute_uri(
            reverse("learning:invite", args=[self.object.invite_token])
        )
        context["rotate_invite_url"] = reverse(self.rotate_invite_url_name, args=[pk])
        context["invite_bulk_url"] = reverse(self.invite_bulk_url_name, args=[pk])
        context["pending_invitations"] = [
            {
                "invitation": invitation,
                "resend_url": reverse(self.invitation_resend_url_name, args=[pk, invitation.pk]),
                "withdraw_url": reverse(
                    self.invitation_withdraw_url_name, args=[pk, invitation.pk]
                ),
            }
            for invitation in self.object.invitations.filter(
                accepted_at__isnull=True, withdrawn_at__isnull=True
            ).order_by("email")
        ]
        return context


class CohortDeleteView(PolicyScopedObjectMixin, generic.DeleteView):
    def form_valid(self, form):
        # Wagtail refuses (PermissionDenied) when its usage count already knows of a
        # protected reference (enrolments, once the overview registers them); the database
        # refuses otherwise. Either way the trainer gets the same explanation.
        protected = bool(self.usage and self.usage.is_protected)
        try:
            if protected:
                raise ProtectedError("enrolments", set())
            with transaction.atomic():
                return super().form_valid(form)
        except (ProtectedError, RestrictedError):
            messages.error(
                self.request,
                gettext(
                    "This cohort has learners, so it cannot be deleted. "
                    "Close it for enrolment instead."
                ),
            )
            return redirect(self.edit_url_name, quote(self.object.pk))


class CohortHistoryView(PolicyScopedObjectMixin, HistoryView):
    pass


class CohortUsageView(PolicyScopedObjectMixin, UsageView):
    pass


# --- Progress, CSV export, new invite link ----------------------------------


class CohortProgressView(CohortObjectView, TemplateView):
    """The progress pivot: parse the filters, ask the report for one page, render."""

    any_permission_required = ["change", "view"]
    template_name = "learning/admin/cohort_progress.html"
    page_title = _("Progress")

    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ProgressFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        result = reports.cohort_progress_page(
            cohort=self.object,
            page_number=self.request.GET.get("p"),
            per_page=self.paginate_by,
            search=filters.get("q", ""),
            status=filters.get("status", ""),
            sort=filters.get("sort") or reports.SORT_NAME,
        )
        context.update(
            cohort=self.object,
            form=form,
            is_filtering=bool(filters.get("q") or filters.get("status")),
            page_obj=result.page,
            elided_page_range=result.elided_page_range,
            report=result.report,
            csv_url=self.cohort_url(self.progress_csv_url_name),
        )
        return context


class CohortProgressCSVView(CohortObjectView, View):
    any_permission_required = ["change", "view"]

    def get(self, request, *args, **kwargs):
        filename = "{}-{}.csv".format(
            slugify(self.object.name) or "cohort", timezone.localdate().isoformat()
        )
        response = StreamingHttpResponse(
            reports.progress_report_csv_lines(cohort=self.object),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class CohortRotateInviteView(CohortObjectView, TemplateView):
    """GET asks for confirmation; POST makes a new invite link."""

    permission_required = "invite"
    template_name = "learning/admin/cohort_rotate_invite.html"
    page_title = _("New invite link")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cohort"] = self.object
        context["action_url"] = self.cohort_url(self.rotate_invite_url_name)
        context["edit_url"] = self.cohort_url(self.edit_url_name)
        return context

    def post(self, request, *args, **kwargs):
        CohortRotateInviteAction(self.object, user=request.user).execute()
        messages.success(
            request,
            gettext("The cohort has a new invite link. The old link no longer works."),
        )
        return redirect(self.edit_url_name, quote(self.object.pk))


# --- Personal invitations ----------------------------------------------------


class CohortInviteBulkView(CohortObjectView, TemplateView):
    """Paste addresses or upload a CSV; shows what was sent and what was not."""

    permission_required = "invite"
    scope_action = "invite"
    template_name = "learning/admin/cohort_invite_bulk.html"
    page_title = _("Invite learners")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", BulkInviteForm())
        context["cohort"] = self.object
        context["action_url"] = self.cohort_url(self.invite_bulk_url_name)
        context["edit_url"] = self.cohort_url(self.edit_url_name)
        return context

    def post(self, request, *args, **kwargs):
        form = BulkInviteForm(request.POST, request.FILES)
        result = None
        if form.is_valid():
            try:
                parsed = invitations.addresses_parse(
                    text=form.cleaned_data["addresses"], upload=form.cleaned_data["csv_file"]
                )
                result = invitations.cohort_invite_bulk(
                    cohort=self.object, parsed=parsed, invited_by=request.user
                )
            except invitations.InvitationError as error:
                form.add_error(None, error.message)
        if result is not None and result.invited:
            form = BulkInviteForm()
        return self.render_to_response(self.get_context_data(form=form, result=result))


class CohortInvitationActionView(CohortObjectView, View):
    """POST only: resend or withdraw one open invitation of this cohort (404 otherwise)."""

    permission_required = "invite"
    scope_action = "invite"
    http_method_names = ["post"]

    def get_invitation(self):
        return get_object_or_404(
            CohortInvitation.objects.filter(cohort=self.object), pk=self.kwargs["invitation_pk"]
        )

    def redirect_back(self):
        return redirect(f"{self.cohort_url(self.edit_url_name)}#cohort-invitations-heading")


class CohortInvitationResendView(CohortInvitationActionView):
    def post(self, request, *args, **kwargs):
        invitation = self.get_invitation()
        try:
            invitations.invitation_resend(invitation=invitation, user=request.user)
        except invitations.InvitationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                gettext("The invitation to %(email)s is sent again, with a new link.")
                % {"email": invitation.email},
            )
        return self.redirect_back()


class CohortInvitationWithdrawView(CohortInvitationActionView):
    def post(self, request, *args, **kwargs):
        invitation = self.get_invitation()
        invitations.invitation_withdraw(invitation=invitation, user=request.user)
        messages.success(
            request,
            gettext("The invitation to %(email)s is withdrawn; its link no longer works.")
            % {"email": invitation.email},
        )
        return self.redirect_back()


# --- The viewset ------------------------------------------------------------


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["name"]
    search_backend_name = None

    index_view_class = CohortIndexView
    add_view_class = CohortCreateView
    edit_view_class = CohortEditView
    delete_view_class = CohortDeleteView
    history_view_class = CohortHistoryView
    usage_view_class = CohortUsageView
    edit_template_name = "learning/admin/cohort_edit.html"

    def get_form_class(self, for_update=False):
        return CohortForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            progress_url_name=self.get_url_name("progress"),
            progress_csv_url_name=self.get_url_name("progress_csv"),
            rotate_invite_url_name=self.get_url_name("rotate_invite"),
            invite_bulk_url_name=self.get_url_name("invite_bulk"),
            invitation_resend_url_name=self.get_url_name("invitation_resend"),
            invitation_withdraw_url_name=self.get_url_name("invitation_withdraw"),
            **kwargs,
        )

    @property
    def progress_view(self):
        return self.construct_view(CohortProgressView)

    @property
    def progress_csv_view(self):
        return self.construct_view(CohortProgressCSVView)

    @property
    def rotate_invite_view(self):
        return self.construct_view(CohortRotateInviteView)

    @property
    def invite_bulk_view(self):
        return self.construct_view(CohortInviteBulkView)

    @property
    def invitation_resend_view(self):
        return self.construct_view(CohortInvitationResendView)

    @property
    def invitation_withdraw_view(self):
        return self.construct_view(CohortInvitationWithdrawView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("progress/<int:pk>/", self.progress_view, name="progress"),
            path("progress/<int:pk>/csv/", self.progress_csv_view, name="progress_csv"),
            path("invite/<int:pk>/", self.rotate_invite_view, name="rotate_invite"),
            path("invitations/<int:pk>/", self.invite_bulk_view, name="invite_bulk"),
            path(
                "invitations/<int:pk>/<int:invitation_pk>/resend/",
                self.invitation_resend_view,
                name="invitation_resend",
            ),
            path(
                "invitations/<int:pk>/<int:invitation_pk>/withdraw/",
                self.invitation_withdraw_view,
                name="invitation_withdraw",
            ),
        ]
