from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("uitnodiging/<str:token>/", views.invite, name="invite"),
    path("uitnodiging/persoonlijk/<str:token>/", views.personal_invite, name="personal_invite"),
    path("cursus/<int:course_id>/inschrijven/", views.self_enrol, name="self_enrol"),
    path("cursus/<int:course_id>/uitschrijven/", views.leave, name="leave"),
    path("les/<int:lesson_id>/klaar/", views.complete_lesson, name="complete_lesson"),
    path(
        "les/<int:lesson_id>/kennisvraag/<uuid:check_id>/", views.answer_check, name="answer_check"
    ),
]
