"""Indexes on the file names of images and renditions: the file view finds a file's image by it.

Wagtail's own tables, so plain SQL (on SQLite and PostgreSQL alike); no model state changes.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS files_image_file ON wagtailimages_image (file)",
            "DROP INDEX IF EXISTS files_image_file",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS files_rendition_file ON wagtailimages_rendition (file)",
            "DROP INDEX IF EXISTS files_rendition_file",
        ),
    ]
