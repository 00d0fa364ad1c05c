"""Associations and their memberships in the Wagtail admin (administrators only:
the default model permissions, which the Trainer group does not have)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import Association, AssociationMembership


class AssociationViewSet(ModelViewSet):
    model = Association
    icon = "group"
    form_fields = ["name", "logo", "staff"]
    list_display = ["name"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False


class AssociationMembershipViewSet(ModelViewSet):
    model = AssociationMembership
    icon = "user"
    form_fields = ["association", "learner"]
    list_display = ["learner", "association", "created_at"]
    list_filter = ["association"]
    search_fields = ["learner__display_name", "learner__email"]
    search_backend_name = None
    copy_view_enabled = False


class AssociationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Associations")
    menu_icon = "group"
    menu_order = 270
    items = (
        AssociationViewSet("association_admin"),
        AssociationMembershipViewSet("association_memberships"),
    )


@hooks.register("register_admin_viewset")
def register_association_viewsets():
    return AssociationViewSetGroup()


@hooks.register("register_log_actions")
def register_association_log_actions(actions):
    actions.register_action(
        "associations.token_revoke", _("Revoke API token"), _("API token revoked")
    )
