from django.core.management.base import BaseCommand

from training.worker.services import worker_sweep


class Command(BaseCommand):
    help = (
        "Run by hand the sweep every `run_worker` runs by itself: take over tasks whose worker "
        "died (no heartbeat), re-enqueue certificates without a PDF (with backoff), remove "
        "partial files. It never touches the work of a live worker, so it is safe to run while "
        "workers run, and to repeat."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Also retry, at once, certificates whose PDF failed too often (fix the cause first).",
        )

    def handle(self, *args, retry_failed, **options):
        counts = worker_sweep(retry_failed=retry_failed)
        self.stdout.write(
            "Certificates resumed: {interrupted_tasks} interrupted tasks taken over, "
            "{unfinished} without PDF enqueued, {given_up} given up, "
            "{partial_files} partial files removed.".format(**counts)
        )
