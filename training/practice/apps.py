from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "training.practice"
    label = "practice"
    verbose_name = _("Skills lab")

    def ready(self):
        from training.learning.signals import enrolment_moved

        from . import policies
        from .receivers import follow_moved_enrolment

        policies.register()
        enrolment_moved.connect(follow_moved_enrolment, dispatch_uid="practice.follow_moved")
