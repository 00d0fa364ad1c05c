"""The comment bank in the Wagtail admin: each trainer sees and edits only their own phrases."""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import CommentPhrase


def phrases_of(user):
    """The one rule: a trainer's phrases are theirs alone (superusers too)."""
    if not user.is_authenticated:
        return CommentPhrase.objects.none()
    return CommentPhrase.objects.filter(owner=user)


class OwnPhrasesMixin:
    """Load the phrase in setup(), through the owner's queryset: any other is a 404."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = self.get_object()

    def get_queryset(self):
        return phrases_of(self.request.user)

    def get_object(self, queryset=None):
        if getattr(self, "object", None) is not None:
            return self.object
        return super().get_object(queryset)


class PhraseIndexView(generic.IndexView):
    def get_base_queryset(self):
        return phrases_of(self.request.user)

    @cached_property
    def columns(self):
        return [
            self._get_title_column("label"),
            Column("use", label=_("For"), accessor="get_use_display"),
        ]


class PhraseCreateView(generic.CreateView):
    def get_initial_form_instance(self):
        return CommentPhrase(owner=self.request.user)


class PhraseEditView(OwnPhrasesMixin, generic.EditView):
    pass


class PhraseDeleteView(OwnPhrasesMixin, generic.DeleteView):
    pass


class OwnBaseObjectMixin:
    def get_base_object_queryset(self):
        return phrases_of(self.request.user)


class PhraseHistoryView(OwnBaseObjectMixin, HistoryView):
    pass


class PhraseUsageView(OwnBaseObjectMixin, UsageView):
    pass


class CommentPhraseViewSet(ModelViewSet):
    model = CommentPhrase
    icon = "openquote"
    menu_label = _("Comment bank")
    menu_order = 265
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["label", "text"]
    search_backend_name = None
    form_fields = ["label", "text", "use"]

    index_view_class = PhraseIndexView
    add_view_class = PhraseCreateView
    edit_view_class = PhraseEditView
    delete_view_class = PhraseDeleteView
    history_view_class = PhraseHistoryView
    usage_view_class = PhraseUsageView
