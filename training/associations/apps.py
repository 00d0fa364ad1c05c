from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    """Patient associations and recovery centres that commission cohorts."""

    name = "training.associations"
    label = "associations"
    verbose_name = _("Associations")
