"""Answering knowledge checks, under /mijn/ beside the learner's other pages.

The address is the one the lesson pages have always posted to
(/mijn/les/<lesson>/kennisvraag/<check>/); only the code moved here.
"""

from django.urls import path

from training import converters  # noqa: F401  (registers <id:...>)

from . import knowledge_check_views

app_name = "knowledge_checks"

urlpatterns = [
    path(
        "les/<id:lesson_id>/kennisvraag/<uuid:check_id>/",
        knowledge_check_views.answer,
        name="answer",
    ),
]
