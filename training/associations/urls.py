from django.urls import path

from training import converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "associations"

urlpatterns = [
    path("", views.index, name="index"),
    path("<id:pk>/", views.status, name="status"),
    path("<id:pk>/export.csv", views.status_csv, name="status_csv"),
    path("<id:pk>/api-sleutels/", views.tokens, name="tokens"),
    path("<id:pk>/api-sleutels/<id:token_id>/intrekken/", views.token_revoke, name="token_revoke"),
    path("<id:pk>/medewerkers/", views.staff, name="staff"),
    path(
        "<id:pk>/medewerkers/<id:link_id>/verwijderen/",
        views.staff_remove_view,
        name="staff_remove",
    ),
    path("<id:pk>/facilitatoren/", views.facilitators, name="facilitators"),
    path(
        "<id:pk>/uitnodigingen/<id:invitation_id>/intrekken/",
        views.invitation_withdraw_view,
        name="invitation_withdraw",
    ),
    path("<id:pk>/aanbevelingen/", views.endorsements, name="endorsements"),
    path(
        "<id:pk>/aanbevelingen/<id:certificate_id>/aanbevelen/",
        views.endorse,
        name="endorse",
    ),
    path(
        "<id:pk>/aanbevelingen/<id:endorsement_id>/intrekken/",
        views.endorsement_withdraw_view,
        name="endorsement_withdraw",
    ),
    # The invitee's and the facilitator's side: found through their own account.
    path("uitnodiging/<id:invitation_id>/", views.invitation, name="invitation"),
    path(
        "koppeling/<id:membership_id>/beeindigen/",
        views.membership_end_view,
        name="membership_end",
    ),
]
