"""`manage.py backup`: one consistent backup of the whole platform; its path is the last line."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from training.operations.backup import BackupError, backup_create, backups_prune


class Command(BaseCommand):
    help = (
        "Back up the database, the media and private files and the credential keys "
        "(encrypted with BACKUP_PASSPHRASE) into one timestamped directory under BACKUP_DIR, "
        "with a manifest of SHA-256 checksums; print its path as the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", type=Path, help="Where backups go (default: BACKUP_DIR)."
        )
        parser.add_argument(
            "--keep", type=int, help="Keep only this many newest backups (this one included)."
        )
        parser.add_argument(
            "--max-age-days", type=float, help="Delete backups older than this many days."
        )

    def handle(self, *args, output_dir=None, keep=None, max_age_days=None, **options):
        if keep is not None and keep < 1:
            raise CommandError("--keep must be at least 1: the new backup is always kept.")
        root = Path(output_dir or settings.BACKUP_DIR)
        try:
            path = backup_create(root=root, passphrase=os.environ.get("BACKUP_PASSPHRASE", ""))
            deleted = backups_prune(root=root, keep=keep, max_age_days=max_age_days, spare=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for old in deleted:
            self.stderr.write(f"Deleted old backup {old}")
        self.stdout.write(str(path))
