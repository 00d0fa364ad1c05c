from django.urls import path

from training import converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "credentials"

urlpatterns = [
    path(".well-known/did.json", views.did_json, name="did"),
    path("credentials/status/<id:number>", views.status_list, name="status_list"),
    path("credentials/<str:code>.jwt", views.by_code, name="by_code"),
    path("credentials/<str:code>.json", views.by_code_json, name="by_code_json"),
    path("mijn/certificaten/<id:pk>/open-badge.json", views.download, name="download"),
]
