from django.core.management.base import BaseCommand

from training.certificates.services.reminders import certificate_reminders_send


class Command(BaseCommand):
    help = (
        "Email holders whose certificate expires soon (CERTIFICATE_REMINDER_DAYS). "
        "Run daily; each reminder is sent once."
    )

    def handle(self, *args, **options):
        sent = certificate_reminders_send()
        self.stdout.write(f"Expiry reminders sent: {sent}.")
