"""Register the certificate admin views and the certificate actions of the audit log."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from training.hooks import COLLECTION_SYNC, ORDER

from .admin_views import CertificateViewSet
from .models import SuspensionReason
from .signatures import signature_images_collect


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet()


@hooks.register("register_admin_viewset")
def register_academy_overview_viewset():
    from .staff_views import AcademyOverviewViewSet

    return AcademyOverviewViewSet()


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action("certificates.issue", _("Issue certificate"), _("Certificate issued"))
    actions.register_action(
        "certificates.signoff", _("Sign off for the certificate"), _("Signed off by a trainer")
    )
    actions.register_action(
        "certificates.pdf_failed",
        _("Store the PDF"),
        _("The PDF could not be stored; retries stopped"),
    )

    @actions.register_action("certificates.revoke")
    class RevokeFormatter(LogFormatter):
        label = _("Revoke certificate")

        def format_message(self, log_entry):
            # The reason is the trainer's, kept on the certificate anyway, never a learner's text.
            if reason := log_entry.data.get("reason"):
                return _("Certificate revoked. Reason: %(reason)s") % {"reason": reason}
            return _("Certificate revoked")

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")

    @actions.register_action("certificates.unrevoke")
    class UnrevokeFormatter(LogFormatter):
        label = _("Undo revocation")

        def format_message(self, log_entry):
            if reason := log_entry.data.get("reason"):
                return _("Revocation undone. Reason: %(reason)s") % {"reason": reason}
            return _("Revocation undone")

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")

    def _reason_class(log_entry) -> str:
        value = log_entry.data.get("reason_class", "")
        return str(SuspensionReason(value).label) if value in SuspensionReason.values else value

    @actions.register_action("certificates.suspend")
    class SuspendFormatter(LogFormatter):
        label = _("Suspend certificate")

        def format_message(self, log_entry):
            return _("Certificate temporarily suspended (%(reason_class)s)") % {
                "reason_class": _reason_class(log_entry)
            }

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")

    @actions.register_action("certificates.unsuspend")
    class UnsuspendFormatter(LogFormatter):
        label = _("Lift suspension")

        def format_message(self, log_entry):
            return _("Suspension lifted")


# -- Contributions to lower apps (training.hooks) ------------------------------------------
hooks.register(COLLECTION_SYNC.name, signature_images_collect, order=ORDER["certificates"])
