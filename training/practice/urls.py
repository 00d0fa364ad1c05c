from django.urls import path

from . import views

app_name = "practice"

urlpatterns = [
    path("", views.my_growth, name="mine"),
    path("activiteit/<int:activity_id>/aanmelden/", views.opt_in, name="opt_in"),
    path("activiteit/<int:activity_id>/afmelden/", views.opt_out, name="opt_out"),
    path("groep/<uuid:public_id>/", views.group_detail, name="group"),
    path("groep/<uuid:public_id>/afspraak/", views.group_agree, name="agree"),
    path("groep/<uuid:public_id>/moment/", views.group_meeting, name="meeting"),
    path("groep/<uuid:public_id>/gesproken/", views.group_met, name="met"),
    path("groep/<uuid:public_id>/agenda.ics", views.group_ics, name="ics"),
    path("groep/<uuid:public_id>/ronde/<int:number>/", views.round_detail, name="round"),
]

# Solo practice: answering a "respond to this" block in a lesson (solo_views.py).
from . import solo_views  # noqa: E402

urlpatterns += [
    path("les/<int:lesson_id>/reageer/<uuid:block_id>/", solo_views.answer, name="solo_answer"),
]

# Dilemmas remembered: a learner's path through a dilemma block (dilemma_views.py).
from . import dilemma_views  # noqa: E402

urlpatterns += [
    path(
        "les/<int:lesson_id>/dilemma/<uuid:block_id>/keuze/",
        dilemma_views.choice,
        name="dilemma_choice",
    ),
    path(
        "les/<int:lesson_id>/dilemma/<uuid:block_id>/reflectie/",
        dilemma_views.reflection,
        name="dilemma_reflection",
    ),
]
