from django.urls import path

from . import views

app_name = "academies"

urlpatterns = [
    path("<slug:slug>/stijl.css", views.academy_style, name="style"),
]
