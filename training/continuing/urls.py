from django.urls import path

from . import views

app_name = "continuing"

urlpatterns = [
    path("", views.log, name="log"),
    path("nieuw/", views.session_new, name="session_new"),
    path("<uuid:public_id>/", views.session_edit, name="session_edit"),
    path("<uuid:public_id>/verwijderen/", views.session_delete, name="session_delete"),
    path("<uuid:public_id>/hoe-ging-het/", views.session_checkin, name="session_checkin"),
    path("welzijn/", views.wellbeing, name="wellbeing"),
    path("welzijn/als-het-te-veel-wordt/", views.too_much, name="too_much"),
    path("nascholing/", views.education, name="education"),
    path("nascholing/nieuw/", views.activity_new, name="activity_new"),
    path("nascholing/<uuid:public_id>/bewijs/", views.activity_proof, name="activity_proof"),
    path("intervisie/", views.intervision, name="intervision"),
    path("intervisie/<uuid:public_id>/", views.meeting, name="meeting"),
    path("intervisie/<uuid:public_id>/agenda.ics", views.meeting_ics, name="meeting_ics"),
    path("intervisie/casus/<uuid:public_id>/", views.case_edit, name="case_edit"),
    path("logboek.csv", views.export_csv, name="export_csv"),
    path("afdrukken/", views.print_log, name="print"),
]
