from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    """Patient associations and recovery centres that commission cohorts."""

    name = "training.associations"
    label = "associations"
    verbose_name = _("Associations")

    def ready(self):
        from training.certificates.signals import certificate_revoked

        from .receivers import revocation_notice_enqueue

        certificate_revoked.connect(
            revocation_notice_enqueue, dispatch_uid="associations.revocation_notice"
        )
