from django.core.management.base import BaseCommand

from training.credentials.services import credentials_backfill


class Command(BaseCommand):
    help = (
        "Issue an Open Badges credential for every certificate that has none, and bring "
        "the revocation bits in line. Idempotent: safe to run again."
    )

    def handle(self, *args, **options):
        issued, changed = credentials_backfill()
        self.stdout.write(f"Credentials issued: {issued}. Status bits changed: {changed}.")
