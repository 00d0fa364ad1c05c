from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "training.courses"
    label = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from . import receivers

        receivers.connect()
