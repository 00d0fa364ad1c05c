from django.core.management.base import BaseCommand

from training.credentials.did import key_id
from training.credentials.keys import key_dir, key_ensure


class Command(BaseCommand):
    help = (
        "Create the Open Badges signing key in CREDENTIALS_KEY_DIR if there is none "
        "(idempotent: an existing key is kept)."
    )

    def handle(self, *args, **options):
        number = key_ensure()
        self.stdout.write(f"Signing key: {key_id(number)} (in {key_dir()}).")
