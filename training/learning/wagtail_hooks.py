"""Register the trainer's cohort views with the Wagtail admin."""

from wagtail import hooks

from .admin_views import CohortViewSet


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return CohortViewSet("cohorts")
