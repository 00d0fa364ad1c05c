from django.urls import path

from . import views

app_name = "files"
urlpatterns = [
    path("<path:name>", views.serve_media, name="serve"),
]
