from django.urls import path

from training import converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "academies"

urlpatterns = [
    path("uitnodiging/<id:invitation_id>/", views.invitation, name="invitation"),
    path("<slug:slug>/stijl.css", views.academy_style, name="style"),
]
