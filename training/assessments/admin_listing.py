"""Pieces the listings of the reflection workspace in the admin share (the generic ones are
in `training/admin_toolkit.py`)."""

from __future__ import annotations

from training.learning.models import Cohort
from training.learning.permissions import cohorts_trained_by


def trained_cohorts(request):
    """The cohorts a filter may offer: those the user trains."""
    if request is None:
        return Cohort.objects.none()
    return cohorts_trained_by(request.user).select_related("course").order_by("-starts_on", "name")
