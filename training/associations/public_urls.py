"""Public addresses of the associations app, outside /vereniging/ (no sign-in, no two-step)."""

from django.urls import path

from . import views

app_name = "endorsements"

urlpatterns = [
    # The signed endorsement credential (VC-JWT), by its id.
    path("<uuid:endorsement_uuid>.jwt", views.endorsement_credential, name="credential"),
]
