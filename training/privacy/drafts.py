"""Earlier draft texts of a reflection version, for export, erasure and retention.

The one place that knows where draft revisions live (`DraftRevision`, FK to
SubmissionVersion). Erasure and retention delete them rather than blank them:
the rows hang off versions that erasure keeps, so CASCADE alone would never
reach them.
"""

from django.db.models import QuerySet

from training.assessments.models import DraftRevision


def draft_revisions(versions: QuerySet) -> QuerySet:
    """Every saved draft revision of these SubmissionVersions (rows with
    `version_id`, `revision`, `text`, `saved_at`)."""
    return DraftRevision.objects.filter(version__in=versions).order_by("version_id", "revision")
