"""Associations and their memberships in the Wagtail admin (administrators only:
the default model permissions, which the Trainer group does not have)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from training.hooks import COLLECTION_SYNC, HOLDER_CONTEXT, ORDER

from .models import Association, AssociationInvitation, AssociationMembership, AssociationStaff
from .receivers import holder_associations
from .services import association_logos_collect


class AssociationViewSet(ModelViewSet):
    model = Association
    icon = "group"
    form_fields = ["name", "logo", "academy"]
    list_display = ["name"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False


class AssociationStaffViewSet(ModelViewSet):
    """Site admins can still add the first admin of a new association here; after
    that the association's own admins manage their staff on its page."""

    model = AssociationStaff
    icon = "user"
    form_fields = ["association", "user", "role"]
    list_display = ["user", "association", "role", "created_at"]
    list_filter = ["association", "role"]
    search_fields = ["user__display_name", "user__email"]
    search_backend_name = None
    copy_view_enabled = False


class AssociationInvitationViewSet(ModelViewSet):
    model = AssociationInvitation
    icon = "mail"
    form_fields = ["association", "email", "kind", "role"]
    list_display = ["email", "association", "kind", "created_at", "accepted_at"]
    list_filter = ["association", "kind"]
    search_fields = ["email"]
    search_backend_name = None
    copy_view_enabled = False
    add_view_enabled = False
    edit_view_enabled = False
    inspect_view_enabled = True


class AssociationMembershipViewSet(ModelViewSet):
    model = AssociationMembership
    icon = "user"
    form_fields = ["association", "learner"]
    list_display = ["learner", "association", "created_at", "confirmed_at"]
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
        AssociationStaffViewSet("association_staff"),
        AssociationMembershipViewSet("association_memberships"),
        AssociationInvitationViewSet("association_invitations"),
    )


@hooks.register("register_admin_viewset")
def register_association_viewsets():
    return AssociationViewSetGroup()


@hooks.register("register_log_actions")
def register_association_log_actions(actions):
    actions.register_action(
        "associations.token_revoke", _("Revoke API token"), _("API token revoked")
    )
    actions.register_action("associations.invite", _("Invite"), _("Invitation sent"))
    actions.register_action(
        "associations.invitation_accept", _("Accept invitation"), _("Invitation accepted")
    )
    actions.register_action(
        "associations.invitation_decline", _("Decline invitation"), _("Invitation declined")
    )
    actions.register_action(
        "associations.invitation_withdraw", _("Withdraw invitation"), _("Invitation withdrawn")
    )
    actions.register_action(
        "associations.staff_remove", _("Remove staff member"), _("Staff member removed")
    )
    actions.register_action("associations.endorse", _("Recommend"), _("Certificate recommended"))
    actions.register_action(
        "associations.endorsement_withdraw",
        _("Withdraw recommendation"),
        _("Recommendation withdrawn"),
    )
    actions.register_action(
        "associations.membership_end", _("End facilitator link"), _("Facilitator link ended")
    )


# -- Contributions to lower apps (training.hooks) ------------------------------------------
hooks.register(HOLDER_CONTEXT.name, holder_associations, order=ORDER["associations"])
hooks.register(COLLECTION_SYNC.name, association_logos_collect, order=ORDER["associations"])
