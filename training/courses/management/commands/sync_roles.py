from django.core.management.base import BaseCommand
from django.db import transaction

from training.courses.permissions import course_material_collect, trainer_group_ensure
from training.courses.roles import collection_syncs


class Command(BaseCommand):
    help = (
        "Set the Trainer group's permissions to exactly what trainers need, and keep "
        "signatures, association logos and course material in their own collections."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        group = trainer_group_ensure()
        for sync in collection_syncs():
            sync()
        course_material_collect()
        self.stdout.write(f"Group '{group.name}' is up to date.")
