"""Announcements in the Wagtail admin: a ModelViewSet scoped to the trainer's cohorts.

A trainer lists, writes, edits and deletes announcements of the cohorts they
train (superusers: all); any other announcement is a 404. Writing goes
through `announcement_create`, which schedules the email.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .announcements import announcement_create, announcement_reschedule
from .models import Announcement
from .permissions import announcements_visible_to, cohorts_trained_by


class AnnouncementForm(WagtailAdminModelForm):
    class Meta:
        model = Announcement
        fields = ["cohort", "title", "body", "publish_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cohort = self.fields["cohort"]
        cohort.queryset = cohorts_trained_by(self.for_user).order_by("-starts_on", "name")
        cohort.empty_label = None
        self.fields["body"].help_text = _(
            "Plain text. It shows on the learners' page and goes to them by email: "
            "never write about one learner or their reflections here."
        )
        publish_at = self.fields["publish_at"]
        publish_at.required = False
        publish_at.help_text = _("Leave empty to publish now, or choose a later moment.")


class ScopedAnnouncementsMixin:
    def get_queryset(self):
        return announcements_visible_to(self.request.user).select_related("cohort")


class AnnouncementIndexView(generic.IndexView):
    def get_base_queryset(self):
        return announcements_visible_to(self.request.user).select_related("cohort")

    @cached_property
    def columns(self):
        return [
            self._get_title_column("title"),
            Column("cohort", label=_("Cohort"), accessor="cohort.name", sort_key="cohort__name"),
            Column("publish_at", label=_("Publish at"), sort_key="publish_at"),
            StatusTagColumn(
                "emailed_at",
                label=_("Status"),
                accessor=lambda a: (
                    gettext("Published") if a.publish_at <= timezone.now() else gettext("Scheduled")
                ),
                primary=lambda a: a.publish_at <= timezone.now(),
            ),
        ]


class AnnouncementCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return announcement_create(
            cohort=data["cohort"],
            title=data["title"],
            body=data["body"],
            author=self.request.user,
            publish_at=data.get("publish_at"),
        )


class AnnouncementEditView(generic.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = self.get_object()

    def get_queryset(self):
        return announcements_visible_to(self.request.user).select_related("cohort")

    def get_object(self, queryset=None):
        if getattr(self, "object", None) is not None:
            return self.object
        return super().get_object(queryset)

    def save_instance(self):
        if not self.form.cleaned_data.get("publish_at"):
            self.form.instance.publish_at = timezone.now()
        instance = super().save_instance()
        announcement_reschedule(announcement=instance)
        return instance


class AnnouncementDeleteView(generic.DeleteView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = self.get_object()

    def get_queryset(self):
        return announcements_visible_to(self.request.user)

    def get_object(self, queryset=None):
        if getattr(self, "object", None) is not None:
            return self.object
        return super().get_object(queryset)


class AnnouncementViewSet(ModelViewSet):
    model = Announcement
    icon = "mail"
    menu_order = 255
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["title"]
    search_backend_name = None
    form_fields = ["cohort", "title", "body", "publish_at"]

    index_view_class = AnnouncementIndexView
    add_view_class = AnnouncementCreateView
    edit_view_class = AnnouncementEditView
    delete_view_class = AnnouncementDeleteView

    def get_form_class(self, for_update=False):
        return AnnouncementForm
