from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AcademiesConfig(AppConfig):
    """Academies: one installation, many associations each running its own academy."""

    name = "training.academies"
    label = "academies"
    verbose_name = _("Academies")

    def ready(self):
        from . import policies, receivers

        policies.register()
        receivers.connect()
