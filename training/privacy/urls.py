from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("kopie/", views.export_request, name="export_request"),
    path("kopie/<uuid:public_id>/<str:kind>/", views.export_download, name="export_download"),
    path("verwijderen/", views.erase, name="erase"),
    path("verwijderd/", views.erased, name="erased"),
]
