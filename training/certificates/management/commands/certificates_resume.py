import datetime

from django.core.management.base import BaseCommand

from training.certificates.services import certificates_resume


class Command(BaseCommand):
    help = (
        "Finish certificates an interrupted worker left half-done: render missing PDFs, "
        "restart issuing tasks stuck as running, remove partial files. Safe to repeat."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-after-minutes",
            type=int,
            default=10,
            help="Only touch work older than this (0 when no worker is running, e.g. at start-up).",
        )

    def handle(self, *args, stale_after_minutes, **options):
        counts = certificates_resume(stale_after=datetime.timedelta(minutes=stale_after_minutes))
        self.stdout.write(
            "Certificates resumed: {unfinished} without PDF, {stuck_tasks} stuck tasks, "
            "{partial_files} partial files removed.".format(**counts)
        )
