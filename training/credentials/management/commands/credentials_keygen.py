from django.core.management.base import BaseCommand

from training.credentials.did import es256_key_id, multikey_id
from training.credentials.keys import ED25519, ES256, key_dir, key_ensure


class Command(BaseCommand):
    help = (
        "Create the Open Badges signing keys in CREDENTIALS_KEY_DIR if there are none: "
        "Ed25519 (Data Integrity proofs) and P-256 (VC-JWTs, ES256). Idempotent: "
        "existing keys are kept."
    )

    def handle(self, *args, **options):
        ed25519 = key_ensure(ED25519)
        es256 = key_ensure(ES256)
        self.stdout.write(
            f"Signing keys: {multikey_id(ed25519)} and {es256_key_id(es256)} (in {key_dir()})."
        )
