from django.core.management.base import BaseCommand

from training.courses.permissions import trainer_group_ensure


class Command(BaseCommand):
    help = "Create or update the Trainer group and its permissions on every course catalogue."

    def handle(self, *args, **options):
        group = trainer_group_ensure()
        self.stdout.write(f"Group '{group.name}' is up to date.")
