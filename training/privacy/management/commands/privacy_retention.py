"""Delete drafts and reflection texts past the retention period (schedule daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from training.privacy.services import retention_apply


class Command(BaseCommand):
    help = (
        "Delete drafts and the texts of reflections (and the feedback on them) of learners "
        "whose cohort ended, or who left, PRIVACY_RETENTION_MONTHS ago; delete expired data "
        "exports. --dry-run reports the counts per model and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = retention_apply(dry_run=dry_run)
        heading = "Would delete or empty" if dry_run else "Deleted or emptied"
        self.stdout.write(
            f"{heading} (retention {settings.PRIVACY_RETENTION_MONTHS} months after the cohort "
            "ends or the learner left):"
        )
        for label, count in counts.items():
            self.stdout.write(f"  {label}: {count}")
