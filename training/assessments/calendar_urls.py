"""The private calendar feed, at /agenda/<token>.ics."""

from django.urls import path

from . import calendar_views

app_name = "calendar"

urlpatterns = [
    path("<str:token>.ics", calendar_views.feed, name="feed"),
]
