from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    """Patient associations and recovery centres that commission cohorts."""

    name = "training.associations"
    label = "associations"
    verbose_name = _("Associations")

    def ready(self):
        from training.certificates.holder_context import register_holder_context_provider
        from training.certificates.signals import certificate_revoked
        from training.courses.roles import register_collection_sync

        from .receivers import holder_associations, revocation_notice_enqueue
        from .services import association_logos_collect

        certificate_revoked.connect(
            revocation_notice_enqueue, dispatch_uid="associations.revocation_notice"
        )
        register_holder_context_provider(holder_associations)
        register_collection_sync(association_logos_collect)
