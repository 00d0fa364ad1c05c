from django.urls import path

from . import views

app_name = "associations"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.status, name="status"),
    path("<int:pk>/export.csv", views.status_csv, name="status_csv"),
    path("<int:pk>/api-sleutels/", views.tokens, name="tokens"),
    path(
        "<int:pk>/api-sleutels/<int:token_id>/intrekken/", views.token_revoke, name="token_revoke"
    ),
]
