from django.urls import path

from training import converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "associations"

urlpatterns = [
    path("", views.index, name="index"),
    path("<id:pk>/", views.status, name="status"),
    path("<id:pk>/export.csv", views.status_csv, name="status_csv"),
    path("<id:pk>/api-sleutels/", views.tokens, name="tokens"),
    path("<id:pk>/api-sleutels/<id:token_id>/intrekken/", views.token_revoke, name="token_revoke"),
]
