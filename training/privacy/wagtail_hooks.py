"""The erasure queue in the Wagtail admin, and the privacy actions of the audit log."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views as views
from .permissions import can_see_erasure_queue

urlpatterns = [
    path("", views.QueueView.as_view(), name="index"),
    path("results/", views.QueueView.as_view(results_only=True), name="index_results"),
    path("<int:pk>/", views.DecideView.as_view(), name="decide"),
]


@hooks.register("register_admin_urls")
def register_erasure_queue_urls():
    return [
        path(
            "accountverwijdering/",
            include((urlpatterns, views.URL_NAMESPACE), namespace=views.URL_NAMESPACE),
        )
    ]


class ErasureQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_erasure_queue(request.user)


@hooks.register("register_admin_menu_item")
def register_erasure_queue_menu_item():
    return ErasureQueueMenuItem(
        _("Account deletion"),
        reverse(f"{views.URL_NAMESPACE}:index"),
        name="account-deletion",
        icon_name="bin",
        order=280,
    )


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(
        "privacy.export_request", _("Request a data export"), _("Data export requested")
    )
    actions.register_action(
        "privacy.erasure_request", _("Ask to delete the account"), _("Account deletion requested")
    )
    actions.register_action("privacy.erase", _("Erase the account"), _("Account erased"))
    actions.register_action(
        "privacy.erasure_reject", _("Turn down account deletion"), _("Account deletion turned down")
    )
