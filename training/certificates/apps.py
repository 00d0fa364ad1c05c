from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "training.certificates"
    label = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from training.learning.signals import progress_changed

        from .receivers import evaluate_on_progress, notify_associations_on_revocation
        from .signals import certificate_revoked

        progress_changed.connect(evaluate_on_progress, dispatch_uid="certificates.evaluate")
        certificate_revoked.connect(
            notify_associations_on_revocation, dispatch_uid="certificates.revocation_notice"
        )
