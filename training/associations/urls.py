from django.urls import path

from . import views

app_name = "associations"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.status, name="status"),
    path("<int:pk>/export.csv", views.status_csv, name="status_csv"),
    path("<int:pk>/api-sleutels/", views.tokens, name="tokens"),
    path(
        "<int:pk>/api-sleutels/<int:token_id>/intrekken/", views.token_revoke, name="token_revoke"
    ),
    path("<int:pk>/medewerkers/", views.staff, name="staff"),
    path(
        "<int:pk>/medewerkers/<int:link_id>/verwijderen/",
        views.staff_remove_view,
        name="staff_remove",
    ),
    path("<int:pk>/facilitatoren/", views.facilitators, name="facilitators"),
    path(
        "<int:pk>/uitnodigingen/<int:invitation_id>/intrekken/",
        views.invitation_withdraw_view,
        name="invitation_withdraw",
    ),
    # The invitee's and the facilitator's side: found through their own account.
    path("uitnodiging/<int:invitation_id>/", views.invitation, name="invitation"),
    path(
        "koppeling/<int:membership_id>/beeindigen/",
        views.membership_end_view,
        name="membership_end",
    ),
]
