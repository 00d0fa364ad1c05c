from django.core.management.base import BaseCommand
from django.utils import timezone

from training.worker.models import PeriodicJob
from training.worker.schedule import periodic_job_specs, periodic_jobs_enqueue


class Command(BaseCommand):
    help = (
        "List the periodic jobs (settings.PERIODIC_JOBS) with when each is next due; with "
        "--run-due, enqueue those that are due (what every run_worker does each sweep; for "
        "setups that run jobs from cron instead). Safe to repeat and to run beside workers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--run-due", action="store_true", help="Enqueue the jobs that are due.")

    def handle(self, *args, run_due=False, **options):
        if run_due:
            counts = periodic_jobs_enqueue()
            self.stdout.write(f"Periodic jobs enqueued: {counts['periodic_jobs']}.")
        rows = {job.name: job for job in PeriodicJob.objects.all()}
        now = timezone.now()
        for spec in periodic_job_specs():
            job = rows.get(spec.name)
            due = timezone.localtime(job.next_due_at).isoformat(" ", "minutes") if job else "now"
            if job and job.next_due_at <= now:
                due = "now"
            self.stdout.write(f"{spec.name}: every {spec.every}, next {due} ({spec.task_path})")
