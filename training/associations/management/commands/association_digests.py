from django.core.management.base import BaseCommand

from training.associations.digests import association_digests_send


class Command(BaseCommand):
    help = (
        "Email association staff about their facilitators' certificates that expire within "
        "the reminder window, and revocations not yet announced. Run daily; each is sent once."
    )

    def handle(self, *args, **options):
        sent = association_digests_send()
        self.stdout.write(f"Association emails sent: {sent}.")
