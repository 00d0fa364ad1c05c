from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Learners' rights: data export, erasure and retention.

    It sits on top of the other training apps: it imports them, none imports it.
    """

    name = "training.privacy"
    label = "privacy"
    verbose_name = _("Privacy")
    default_auto_field = "django.db.models.BigAutoField"
