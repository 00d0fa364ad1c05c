"""Certificate PDFs move out of MEDIA_ROOT into the private certificate storage.

Each file moves from the default storage's `certificates/<code>.pdf` to the
certificate storage's `certificates/<pk>.pdf` (no verification code in any
path). Safe to run again: rows already moved are skipped. A file that is
missing stays recorded as it was (the download view answers 404).
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models

import training.certificates.models
import training.certificates.storage


def certificate_files_move(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    target = training.certificates.storage.certificate_storage
    for certificate in Certificate.objects.exclude(pdf="").only("pk", "pdf").iterator():
        old_name = certificate.pdf.name
        new_name = f"certificates/{certificate.pk}.pdf"
        if old_name == new_name or not default_storage.exists(old_name):
            continue
        with default_storage.open(old_name, "rb") as handle:
            content = handle.read()
        if target.exists(new_name):
            target.delete(new_name)
        saved = target.save(new_name, ContentFile(content))
        Certificate.objects.filter(pk=certificate.pk).update(pdf=saved)
        default_storage.delete(old_name)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="pdf",
            field=models.FileField(
                blank=True,
                max_length=200,
                storage=training.certificates.storage.certificate_storage_get,
                upload_to=training.certificates.models.certificate_upload_to,
                verbose_name="PDF",
            ),
        ),
        migrations.RunPython(certificate_files_move, migrations.RunPython.noop, elidable=True),
    ]
