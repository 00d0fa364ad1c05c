"""The learner's reflection pages, under /mijn/reflecties/.

Only public UUIDs appear in these URLs: a reflection by its `public_id`, a
review by the review's own `public_id`.
"""

from django.urls import path

from training import converters  # noqa: F401  (registers <id:...>)

from . import calendar_views
from .reflections import author_views, review_views

app_name = "reflections"

urlpatterns = [
    path("", author_views.index, name="index"),
    path("beginnen/", author_views.start, name="start"),
    path("mijn-feedback/", review_views.my_feedback, name="my_feedback"),
    path(
        "deadline/<id:assignment_id>/<str:kind>.ics",
        calendar_views.deadline_ics,
        name="deadline_ics",
    ),
    path("<uuid:public_id>/", author_views.detail, name="detail"),
    path("<uuid:public_id>/opslaan/", author_views.autosave, name="autosave"),
    path("<uuid:public_id>/indienen/", author_views.submit, name="submit"),
    path("<uuid:public_id>/eerdere-versies/", author_views.history, name="history"),
    path(
        "<uuid:public_id>/eerdere-versies/<id:revision>/terugzetten/",
        author_views.restore,
        name="restore",
    ),
    path("<uuid:public_id>/feedback-geven/", review_views.claim, name="claim"),
    path("<uuid:public_id>/zorg/", review_views.concern, name="concern"),
    path("feedback/<uuid:public_id>/", review_views.review, name="review"),
    path("feedback/<uuid:public_id>/teruggeven/", review_views.abandon, name="abandon"),
    path("feedback/<uuid:public_id>/waarderen/", author_views.rate, name="rate"),
]
