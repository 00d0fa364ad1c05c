"""Earlier draft texts of a reflection version, for export, erasure and retention.

The one place that knows where draft revisions live. `DraftRevision`
(training.assessments, FK to SubmissionVersion) is being added on another
branch; when it lands, replace the body of `draft_revisions` with

    return DraftRevision.objects.filter(version__in=versions).order_by("version_id", "revision")

and the export lists every revision under its version, while erasure and
retention delete them (they delete, not blank: the rows hang off versions that
erasure keeps, so CASCADE alone would never reach them).
"""

from django.db.models import QuerySet


def draft_revisions(versions: QuerySet) -> QuerySet:
    """Every saved draft revision of these SubmissionVersions (rows with
    `version_id`, `revision`, `text`, `saved_at`)."""
    return versions.none()
