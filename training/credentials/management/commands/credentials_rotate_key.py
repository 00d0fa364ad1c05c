from django.core.management.base import BaseCommand

from training.credentials.did import key_id
from training.credentials.keys import key_rotate


class Command(BaseCommand):
    help = (
        "Add a new Open Badges signing key; it signs from now on. Older public keys stay "
        "in the DID document, so credentials they signed keep verifying."
    )

    def handle(self, *args, **options):
        number = key_rotate()
        self.stdout.write(f"New signing key: {key_id(number)}.")
