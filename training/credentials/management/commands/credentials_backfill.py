from django.core.management.base import BaseCommand

from training.credentials.services import credentials_backfill


class Command(BaseCommand):
    help = (
        "Issue an Open Badges credential for every certificate that has none, re-issue "
        "every credential signed in an older form (Data Integrity proof and OB 3.0 §8.2 "
        "VC-JWT; copies issued before keep verifying), and bring the revocation and "
        "suspension bits in line. Idempotent: safe to run again."
    )

    def handle(self, *args, **options):
        issued, reissued, changed = credentials_backfill()
        self.stdout.write(
            f"Credentials issued: {issued}. Re-issued in the current forms: {reissued}. "
            f"Status bits changed: {changed}."
        )
