from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profiel/", views.ProfileView.as_view(), name="profile"),
    path("toegang/", views.login_redirect, name="login_redirect"),
    path("agenda/", views.calendar_rotate, name="calendar_rotate"),
]
