from django.urls import include, path, re_path

from training import converters  # noqa: F401  (registers <id:...>)

from . import association_views, participant_views, views

app_name = "groups"

# The participant's page: the moment's token (secrets.token_urlsafe) is the whole key.
MOMENT_KEY = r"(?P<token>[A-Za-z0-9_-]{16,43})"

participant_urlpatterns = [
    re_path(rf"^groep/{MOMENT_KEY}/$", participant_views.answer, name="answer"),
    re_path(rf"^groep/{MOMENT_KEY}/bedankt/$", participant_views.thanks, name="thanks"),
]

facilitator_urlpatterns = [
    path("", views.group_list, name="list"),
    path("nieuw/", views.group_new, name="group_new"),
    path("<uuid:public_id>/", views.group_detail, name="detail"),
    path("<uuid:public_id>/wijzigen/", views.group_edit, name="group_edit"),
    path("<uuid:public_id>/moment/", views.moment_new, name="moment_new"),
    path("moment/<uuid:public_id>/", views.moment_detail, name="moment"),
    path("moment/<uuid:public_id>/scherm/", views.moment_screen, name="moment_screen"),
    path("moment/<uuid:public_id>/kaart.pdf", views.moment_card, name="moment_card"),
    path("moment/<uuid:public_id>/sluiten/", views.moment_close, name="moment_close"),
    path("moment/<uuid:public_id>/intervisie/", views.moment_case, name="moment_case"),
]

urlpatterns = [
    *participant_urlpatterns,
    path("mijn/groepen/", include(facilitator_urlpatterns)),
    path("mijn/groepen/cursus/", association_views.trainer_overview, name="trainer"),
    path("vereniging/<id:pk>/groepen/", association_views.quarter, name="association_quarter"),
    path(
        "vereniging/<id:pk>/groepen/export.csv",
        association_views.quarter_csv,
        name="association_quarter_csv",
    ),
    path(
        "vereniging/<id:pk>/groepen/samenvatting.pdf",
        association_views.quarter_pdf,
        name="association_quarter_pdf",
    ),
]
