from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "training.certificates"
    label = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from training.learning.signals import progress_changed

        from . import policies
        from .receivers import evaluate_on_progress

        policies.register()
        progress_changed.connect(evaluate_on_progress, dispatch_uid="certificates.evaluate")
