"""Production settings with Django's plain manifest storage, for collecting
static files in tests: the same staticfiles.json that WhiteNoise reads, without
compressing every file (a minute of CPU)."""

from config.settings.production import *  # noqa: F403
from config.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
