from django.core.management.base import BaseCommand

from training.credentials.did import es256_key_id, multikey_id
from training.credentials.keys import ED25519, ES256, key_rotate


class Command(BaseCommand):
    help = (
        "Add a new Open Badges signing key; it signs from now on. Older public keys stay "
        "in the DID document, so credentials they signed keep verifying. --key ed25519 "
        "(Data Integrity proofs), es256 (VC-JWTs) or all (the default): each kind rotates "
        "on its own."
    )

    def add_arguments(self, parser):
        parser.add_argument("--key", choices=["ed25519", "es256", "all"], default="all")

    def handle(self, *args, **options):
        if options["key"] in ("ed25519", "all"):
            number = key_rotate(ED25519)
            self.stdout.write(f"New Ed25519 signing key: {multikey_id(number)}.")
        if options["key"] in ("es256", "all"):
            number = key_rotate(ES256)
            self.stdout.write(f"New P-256 signing key: {es256_key_id(number)}.")
