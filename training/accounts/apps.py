from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "training.accounts"
    label = "accounts"
    verbose_name = _("Accounts")


class TrainingUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that fit our email-based user model."""

    user_viewset = "training.accounts.admin_views.UserViewSet"
