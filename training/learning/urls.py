from django.urls import path

from training import converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("uitnodiging/<str:token>/", views.invite, name="invite"),
    path("uitnodiging/persoonlijk/<str:token>/", views.personal_invite, name="personal_invite"),
    path("cursus/<id:course_id>/inschrijven/", views.self_enrol, name="self_enrol"),
    path("cursus/<id:course_id>/uitschrijven/", views.leave, name="leave"),
    path("les/<id:lesson_id>/klaar/", views.complete_lesson, name="complete_lesson"),
]
