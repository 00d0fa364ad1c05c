from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from training.files.services import media_file_names, media_files_move


class Command(BaseCommand):
    help = (
        "Move the images and documents an older version kept under MEDIA_ROOT into the "
        "private media storage (safe to repeat; migration files 0002 runs it)."
    )

    def handle(self, *args, **options):
        Image = get_image_model()
        names = media_file_names(
            image_model=Image,
            rendition_model=Image.get_rendition_model(),
            document_model=get_document_model(),
        )
        moved = media_files_move(names=list(names))
        self.stdout.write(f"{moved} files moved into private storage")
