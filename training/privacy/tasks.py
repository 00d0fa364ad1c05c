"""Background tasks for learners' rights (Django's tasks API)."""

import logging

from django_tasks import task

from . import services
from .models import DataExport

logger = logging.getLogger(__name__)


@task()
def data_export_build_task(export_id: int) -> bool:
    """Build a learner's data export; a failure marks it failed (they can ask again)."""
    export = DataExport.objects.filter(pk=export_id).select_related("user").first()
    if export is None:
        return False
    try:
        services.data_export_build(export=export)
    except Exception:
        # The id only: never the learner's data in a log.
        logger.exception("Data export %s failed", export_id)
        services.data_export_fail(export_id=export_id)
        return False
    return True


@task()
def privacy_retention_task() -> dict:
    """Apply the retention period (schedule daily, or run `manage.py privacy_retention`)."""
    return services.retention_apply()
