from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "training.courses"
    label = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from . import page_cache, receivers  # noqa: F401  (page_cache registers a hook)

        receivers.connect()
