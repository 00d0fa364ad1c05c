from django.core.management.base import BaseCommand
from django.db import transaction

from training.associations.services import association_logos_collect
from training.certificates.signatures import signature_images_collect
from training.courses.permissions import course_material_collect, trainer_group_ensure


class Command(BaseCommand):
    help = (
        "Set the Trainer group's permissions to exactly what trainers need, and keep "
        "signatures, association logos and course material in their own collections."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        group = trainer_group_ensure()
        signature_images_collect()
        association_logos_collect()
        course_material_collect()
        self.stdout.write(f"Group '{group.name}' is up to date.")
