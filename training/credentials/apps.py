from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "training.credentials"
    label = "credentials"
    verbose_name = _("Digital certificates (Open Badges)")

    def ready(self):
        from training.certificates.signals import (
            certificate_issued,
            certificate_revoked,
            certificate_suspended,
            certificate_unrevoked,
            certificate_unsuspended,
        )

        from .receivers import issue_on_certificate_issued, status_on_certificate_change

        certificate_issued.connect(issue_on_certificate_issued, dispatch_uid="credentials.issue")
        certificate_revoked.connect(status_on_certificate_change, dispatch_uid="credentials.revoke")
        certificate_unrevoked.connect(
            status_on_certificate_change, dispatch_uid="credentials.unrevoke"
        )
        certificate_suspended.connect(
            status_on_certificate_change, dispatch_uid="credentials.suspend"
        )
        certificate_unsuspended.connect(
            status_on_certificate_change, dispatch_uid="credentials.unsuspend"
        )
