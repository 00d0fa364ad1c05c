"""What trainers see in the admin: requests for contact (no content) and shared log entries.

Both are Wagtail viewsets whose permission policy scopes every list and
object to the facilitators the trainer trained: a wrong id is a 404.
Check-ins never appear here.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import FileResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from training.admin_toolkit import PolicyScopedObjectMixin, scoped_object_or_404
from training.learning.permissions import learners_trained_by

from .actions import DecideExternalActivity, FollowUpSupportRequest
from .models import (
    ExternalActivity,
    IntervisionGroup,
    IntervisionMeeting,
    PracticeSession,
    SupportRequest,
)
from .permissions import intervision_groups_managed_by
from .policies import external_activity_policy, support_request_policy


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(
            self.request.user, "view"
        ).select_related("facilitator")


class ScopedInspectView(PolicyScopedObjectMixin, generic.InspectView):
    pass


def _name(obj):
    user = obj.facilitator
    return user.get_full_name() or user.email


class SupportRequestIndexView(ScopedIndexView):
    @cached_property
    def columns(self):
        return [
            Column("facilitator", label=_("Facilitator"), accessor=_name),
            DateColumn("raised_at", label=_("Asked on")),
            DateColumn("followed_up_at", label=_("Contacted on")),
        ]

    def get_list_buttons(self, instance):
        buttons = list(super().get_list_buttons(instance))
        if instance.followed_up_at is None:
            buttons.append(
                ListingButton(
                    gettext("Mark as contacted"),
                    url=self.follow_up_url(instance),
                    icon_name="tick",
                    priority=10,
                )
            )
        return buttons

    def follow_up_url(self, instance):
        return reverse("support_requests:follow_up", args=[instance.pk])


class SupportRequestFollowUpView(WagtailAdminTemplateMixin, TemplateView):
    """A confirmation page (GET) and the change (POST, through the action)."""

    permission_policy = support_request_policy
    template_name = "continuing/admin/follow_up.html"
    page_title = _("Mark as contacted")
    header_icon = "help"

    def get(self, request, pk):
        self.support_request = self._get(request, pk)
        return super().get(request, pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            support_request=self.support_request, name=_name(self.support_request), **kwargs
        )

    def post(self, request, pk):
        FollowUpSupportRequest(self._get(request, pk), user=request.user).execute()
        messages.success(request, gettext("Marked as contacted."))
        return redirect("support_requests:index")

    def _get(self, request, pk):
        return scoped_object_or_404(self.permission_policy, request.user, "follow_up", pk)


class SupportRequestViewSet(ModelViewSet):
    model = SupportRequest
    icon = "help"
    menu_label = _("Requests for contact")
    add_to_admin_menu = True
    menu_order = 275
    index_view_class = SupportRequestIndexView
    inspect_view_class = ScopedInspectView
    inspect_view_enabled = True
    inspect_view_fields = ["facilitator", "raised_at", "followed_up_at"]
    # Read-only: the policy refuses add, change and delete; the form is never shown.
    form_fields = ["followed_up_at"]
    ordering = ["-raised_at"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/contacted/", SupportRequestFollowUpView.as_view(), name="follow_up")
        ]


class SharedSessionIndexView(ScopedIndexView):
    @cached_property
    def columns(self):
        return [
            self._get_title_column("group_kind"),
            Column("facilitator", label=_("Facilitator"), accessor=_name),
            DateColumn("held_on", label=_("Date")),
        ]


class SharedSessionViewSet(ModelViewSet):
    model = PracticeSession
    icon = "list-ul"
    menu_label = _("Shared log entries")
    add_to_admin_menu = True
    menu_order = 276
    index_view_class = SharedSessionIndexView
    inspect_view_class = ScopedInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "held_on",
        "group_kind",
        "setting",
        "duration_minutes",
        "co_facilitator",
        "participants",
        "own_experience",
        "listening_moment",
        "boundary_moment",
    ]
    form_fields = ["group_kind"]
    ordering = ["-held_on"]


# --- Intervision groups and meetings ------------------------------------------------------


def _trained_learners(user):
    return get_user_model().objects.filter(is_active=True, pk__in=learners_trained_by(user))


class IntervisionGroupForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        people = _trained_learners(for_user).order_by("display_name", "email")
        self.fields["coordinator"].queryset = people
        self.fields["members"].queryset = people
        self.fields["members"].widget = forms.CheckboxSelectMultiple(
            choices=self.fields["members"].choices
        )

    def save(self, commit=True):
        if self.instance.created_by_id is None and self.for_user is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)


class ScopedFormIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "view")


class ScopedEditView(PolicyScopedObjectMixin, generic.EditView):
    scope_action = "change"


class ScopedDeleteView(PolicyScopedObjectMixin, generic.DeleteView):
    scope_action = "delete"


class IntervisionGroupViewSet(ModelViewSet):
    model = IntervisionGroup
    icon = "group"
    menu_label = _("Intervision groups")
    add_to_admin_menu = True
    menu_order = 277
    form_fields = ["name", "coordinator", "members"]
    index_view_class = ScopedFormIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    list_display = ["name", "coordinator"]

    def get_form_class(self, for_update=False):
        return forms.modelform_factory(
            IntervisionGroup, form=IntervisionGroupForm, fields=self.form_fields
        )


class IntervisionMeetingForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields["group"].queryset = intervision_groups_managed_by(for_user)


class IntervisionMeetingViewSet(ModelViewSet):
    model = IntervisionMeeting
    icon = "date"
    menu_label = _("Intervision meetings")
    add_to_admin_menu = True
    menu_order = 278
    form_fields = ["group", "starts_at", "duration_minutes", "place"]
    index_view_class = ScopedFormIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    list_display = ["group", "starts_at", "place"]
    ordering = ["-starts_at"]

    def get_form_class(self, for_update=False):
        return forms.modelform_factory(
            IntervisionMeeting, form=IntervisionMeetingForm, fields=self.form_fields
        )


# --- External activities to confirm --------------------------------------------------------


class ActivityIndexView(ScopedIndexView):
    @cached_property
    def columns(self):
        return [
            self._get_title_column("title"),
            Column("facilitator", label=_("Facilitator"), accessor=_name),
            DateColumn("done_on", label=_("Date")),
            Column("hours", label=_("Hours")),
            Column("status", label=_("Status"), accessor="get_status_display"),
        ]

    def get_list_buttons(self, instance):
        buttons = list(super().get_list_buttons(instance))
        buttons.append(
            ListingButton(
                gettext("Proof"),
                url=reverse("external_activities:proof", args=[instance.pk]),
                icon_name="doc-full",
                priority=10,
            )
        )
        if instance.status == ExternalActivity.Status.PENDING:
            buttons.append(
                ListingButton(
                    gettext("Confirm or reject"),
                    url=reverse("external_activities:decide", args=[instance.pk]),
                    icon_name="tick",
                    priority=20,
                )
            )
        return buttons


class ActivityDecideView(WagtailAdminTemplateMixin, TemplateView):
    permission_policy = external_activity_policy
    template_name = "continuing/admin/decide_activity.html"
    page_title = _("Confirm continued education")
    header_icon = "tick"

    def _get(self, pk):
        return scoped_object_or_404(self.permission_policy, self.request.user, "decide", pk)

    def get(self, request, pk):
        self.activity = self._get(pk)
        return super().get(request, pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(activity=self.activity, name=_name(self.activity), **kwargs)

    def post(self, request, pk):
        activity = self._get(pk)
        confirm = request.POST.get("decision") == "confirm"
        DecideExternalActivity(activity, user=request.user, confirm=confirm).execute()
        messages.success(
            request, gettext("Confirmed.") if confirm else gettext("Marked as not counted.")
        )
        return redirect("external_activities:index")


class ActivityProofView(View):
    permission_policy = external_activity_policy

    def get(self, request, pk):
        activity = scoped_object_or_404(self.permission_policy, request.user, "view", pk)
        return FileResponse(activity.proof.open("rb"), as_attachment=True)


class ExternalActivityViewSet(ModelViewSet):
    model = ExternalActivity
    icon = "tick"
    menu_label = _("Continued education to confirm")
    add_to_admin_menu = True
    menu_order = 279
    form_fields = ["status"]
    index_view_class = ActivityIndexView
    ordering = ["status", "-done_on"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/decide/", ActivityDecideView.as_view(), name="decide"),
            path("<int:pk>/proof/", ActivityProofView.as_view(), name="proof"),
        ]
