from django.core.management.base import BaseCommand

from training.learning.announcements import announcements_send_due


class Command(BaseCommand):
    help = (
        "Email every announcement whose publication time has come and that was not emailed "
        "yet. Run every few minutes; safe to repeat: each announcement is emailed once."
    )

    def handle(self, *args, **options):
        sent = announcements_send_due()
        self.stdout.write(f"Announcement emails sent: {sent}.")
