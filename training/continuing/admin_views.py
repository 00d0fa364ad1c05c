"""What trainers see in the admin: requests for contact (no content) and shared log entries.

Both are Wagtail viewsets whose permission policy scopes every list and
object to the facilitators the trainer trained: a wrong id is a 404.
Check-ins never appear here.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from training.http import no_store

from .actions import FollowUpSupportRequest
from .models import PracticeSession, SupportRequest
from .policies import SharedSessionPolicy, SupportRequestPolicy


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(
            self.request.user, "view"
        ).select_related("facilitator")

    def get(self, request, *args, **kwargs):
        return no_store(super().get(request, *args, **kwargs))


class ScopedInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        queryset = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "view"
        )
        try:
            return queryset.get(pk=self.pk)
        except (self.model.DoesNotExist, ValueError):
            raise Http404 from None

    def get(self, request, *args, **kwargs):
        return no_store(super().get(request, *args, **kwargs))


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

    permission_policy = SupportRequestPolicy()
    template_name = "continuing/admin/follow_up.html"
    page_title = _("Mark as contacted")
    header_icon = "help"

    def get(self, request, pk):
        self.support_request = self._get(request, pk)
        return no_store(super().get(request, pk))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            support_request=self.support_request, name=_name(self.support_request), **kwargs
        )

    def post(self, request, pk):
        FollowUpSupportRequest(self._get(request, pk), user=request.user).execute()
        messages.success(request, gettext("Marked as contacted."))
        return redirect("support_requests:index")

    def _get(self, request, pk):
        queryset = self.permission_policy.instances_user_has_permission_for(
            request.user, "follow_up"
        ).select_related("facilitator")
        try:
            return queryset.get(pk=pk)
        except (SupportRequest.DoesNotExist, ValueError):
            raise Http404 from None


class SupportRequestViewSet(ModelViewSet):
    model = SupportRequest
    permission_policy = SupportRequestPolicy()
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
    permission_policy = SharedSessionPolicy()
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
