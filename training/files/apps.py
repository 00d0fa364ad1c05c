from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    """Images and documents: who may fetch which file (see `permissions.py`)."""

    name = "training.files"
    label = "files"
    verbose_name = _("Files")
