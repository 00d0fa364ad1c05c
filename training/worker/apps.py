from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkerConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "training.worker"
    label = "worker"
    verbose_name = _("Task workers")
