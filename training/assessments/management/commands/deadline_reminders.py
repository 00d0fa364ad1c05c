from django.core.management.base import BaseCommand

from training.assessments.reflections.deadlines import deadline_reminders_send


class Command(BaseCommand):
    help = (
        "Remind learners who still owe a reflection or feedback, DEADLINE_REMINDER_DAYS days "
        "before their own deadline (extensions count). Run daily; safe to repeat: each "
        "reminder goes out once."
    )

    def handle(self, *args, **options):
        sent = deadline_reminders_send()
        self.stdout.write(f"Deadline reminders sent: {sent}.")
