from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    # Two AppConfig classes live here: without `default`, Django used a plain
    # AppConfig for "training.accounts" and ready() below never ran.
    default = True
    name = "training.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from .receivers import record_second_step_on_totp_setup

        authenticator_added.connect(record_second_step_on_totp_setup)


class TrainingUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that fit our email-based user model."""

    default = False
    user_viewset = "training.accounts.admin_views.UserViewSet"
