"""Every signature image goes to the "Handtekeningen" collection, owned by its trainer.

There only the trainer and superusers can fetch it (training/files/permissions.py); its
file left MEDIA_ROOT with every other image (files 0002). Nothing to do on a fresh
database; safe to run again (`manage.py sync_roles` does the same).
"""

from django.db import migrations


def signatures_protect(apps, schema_editor):
    # The live service: collections are a tree (treebeard), which historical models cannot grow.
    from training.certificates.signatures import signature_images_collect

    signature_images_collect()


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0006_certificate_issuer_name"),
        ("files", "0002_media_private"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(signatures_protect, migrations.RunPython.noop, elidable=True),
    ]
