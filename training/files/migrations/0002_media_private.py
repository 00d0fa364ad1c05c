"""Images and documents leave MEDIA_ROOT for the private media storage (training/files).

On a fresh database there is nothing to move; on one with data every image, rendition and
document file still under MEDIA_ROOT moves (signature images too). Safe to run again.
"""

from django.db import migrations


def media_move(apps, schema_editor):
    from training.files.services import media_file_names, media_files_move

    names = media_file_names(
        image_model=apps.get_model("wagtailimages", "Image"),
        rendition_model=apps.get_model("wagtailimages", "Rendition"),
        document_model=apps.get_model("wagtaildocs", "Document"),
    )
    media_files_move(names=list(names))


class Migration(migrations.Migration):
    dependencies = [
        ("files", "0001_file_name_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(media_move, migrations.RunPython.noop, elidable=True)]
