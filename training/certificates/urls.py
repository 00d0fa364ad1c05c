from django.urls import path

from training import converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_detail, name="verify_detail"),
    path("mijn/certificaten/", views.mine, name="mine"),
    path("mijn/certificaten/<id:pk>/pdf/", views.download, name="download"),
]
