"""`manage.py restore <backup>`: the whole platform back from a `manage.py backup` directory."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from training.operations.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty installation: checks every "
        "checksum and the BACKUP_PASSPHRASE first, refuses a schema newer than this code, "
        "migrates, then checks row counts, certificate PDFs and credentials."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="The backup directory.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace an installation that is not empty (its data and files are lost).",
        )

    def handle(self, *args, backup, force=False, **options):
        try:
            report = restore(
                path=backup, passphrase=os.environ.get("BACKUP_PASSPHRASE", ""), force=force
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = sum(report.files.values())
        self.stdout.write(
            f"Restored {report.rows} rows and {files} files; "
            f"{report.certificates_checked} certificate PDFs match their SHA-256, "
            f"{report.credentials_checked} credentials verify against the DID document."
        )
