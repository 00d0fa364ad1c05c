from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    """The groups a facilitator leads, and their participants' anonymous feedback."""

    name = "training.groups"
    label = "groups"
    verbose_name = _("Groups and their feedback")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import policies

        policies.register()
