from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "training.certificates"
    label = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from training.courses.roles import register_collection_sync
        from training.learning.signals import progress_changed

        from .receivers import evaluate_on_progress
        from .signatures import signature_images_collect

        progress_changed.connect(evaluate_on_progress, dispatch_uid="certificates.evaluate")
        register_collection_sync(signature_images_collect)
