"""Certificate PDFs: private storage, names without codes, and only a view hands them out."""

import datetime
import hashlib
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.urls import reverse

from tests.certificates.helpers import complete_course
from tests.factories import (
    AssociationFactory,
    CertificateFactory,
    TrainerFactory,
    UserFactory,
    login_with_mfa,
)
from training.certificates import services
from training.certificates.models import Certificate

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CONTENT = b"%PDF-1.7 test"


def with_pdf(certificate, content=CONTENT):
    certificate.pdf_sha256 = hashlib.sha256(content).hexdigest()
    storages["certificates"].delete(f"certificates/{certificate.pk}.pdf")  # from an earlier test
    certificate.pdf.save("ignored.pdf", ContentFile(content))
    return certificate


def test_an_issued_certificate_is_stored_privately_under_its_pk(enrolment):
    complete_course(enrolment)
    certificate = services.certificate_issue(enrolment=enrolment)
    assert certificate.pdf.name == f"certificates/{certificate.pk}.pdf"
    assert certificate.code not in certificate.pdf.name
    assert storages["certificates"].exists(certificate.pdf.name)
    assert not default_storage.exists(certificate.pdf.name)


@pytest.mark.parametrize("module", ["config.settings.production", "config.settings.dev"])
def test_certificates_are_kept_outside_media_root_and_have_no_url(module):
    code = (
        "import django; django.setup()\n"
        "from pathlib import Path\n"
        "from django.conf import settings\n"
        "from django.core.files.storage import storages\n"
        "storage = storages['certificates']\n"
        "media = Path(settings.MEDIA_ROOT).resolve()\n"
        "private = Path(storage.location).resolve()\n"
        "assert media not in private.parents and private != media, (media, private)\n"
        "try:\n"
        "    storage.url('certificates/1.pdf')\n"
        "except ValueError:\n"
        "    print('no url')\n"
    )
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": module,
            "SECRET_KEY": "x" * 50,
            "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=str(ROOT), env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "no url"


def download(client, certificate):
    return client.get(reverse("certificates:download", args=[certificate.pk]))


@pytest.fixture
def certificate(db):
    return with_pdf(
        CertificateFactory(issued_on=datetime.date(2026, 3, 1), course_title="Basis & meer")
    )


@pytest.mark.parametrize("who", ["holder", "trainer", "superuser"])
def test_the_holder_their_trainers_and_admins_get_the_pdf(client, certificate, who):
    user = {
        "holder": lambda: certificate.learner,
        "trainer": lambda: certificate.cohort.trainers.get(),
        "superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
    }[who]()
    client.force_login(user)
    response = download(client, certificate)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Content-Type"] == "application/pdf"
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    disposition = response["Content-Disposition"]
    assert disposition == 'attachment; filename="certificaat-basis-meer-2026-03-01.pdf"'
    assert certificate.code not in disposition


@pytest.mark.parametrize("who", ["other learner", "other trainer", "association staff"])
def test_anyone_else_gets_a_404(client, certificate, who):
    user = {
        "other learner": UserFactory,
        "other trainer": TrainerFactory,
        "association staff": lambda: AssociationFactory(staff=[UserFactory()]).staff.get(),
    }[who]()
    if who == "association staff":
        certificate.association = user.associations.get()
        certificate.save(update_fields=["association"])
    client.force_login(user)
    assert download(client, certificate).status_code == 404


def test_the_public_is_sent_to_sign_in(client, certificate):
    response = download(client, certificate)
    assert response.status_code == 302 and "/account/" in response["Location"]


def test_a_trainer_gets_the_pdf_in_the_admin_too(client, certificate):
    login_with_mfa(client, certificate.cohort.trainers.get())
    response = client.get(reverse("certificates_admin:pdf", args=[certificate.pk]))
    assert response.status_code == 200
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    login_with_mfa(client, TrainerFactory())
    assert client.get(reverse("certificates_admin:pdf", args=[certificate.pk])).status_code == 404


def test_nginx_sends_the_file_when_told_to(client, certificate, settings):
    settings.PROTECTED_FILES_SERVER = "nginx"
    settings.PROTECTED_FILES_INTERNAL_URL = "/protected/"
    client.force_login(certificate.learner)
    response = download(client, certificate)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected/certificates/{certificate.pk}.pdf"
    assert response.content == b""
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert response["Content-Disposition"].startswith("attachment;")


def test_x_sendfile_names_the_files_path(client, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "certificates": {
            "BACKEND": "training.certificates.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    settings.PROTECTED_FILES_SERVER = "sendfile"
    certificate = with_pdf(CertificateFactory())
    client.force_login(certificate.learner)
    response = download(client, certificate)
    assert response["X-Sendfile"] == str(tmp_path / "certificates" / f"{certificate.pk}.pdf")
    assert response.content == b""


def test_a_missing_file_is_a_404(client, certificate):
    storages["certificates"].delete(certificate.pdf.name)
    client.force_login(certificate.learner)
    assert download(client, certificate).status_code == 404


def test_the_migration_moves_files_out_of_media_and_drops_the_code(db):
    certificate = CertificateFactory()
    old_name = default_storage.save(f"certificates/{certificate.code}.pdf", ContentFile(CONTENT))
    Certificate.objects.filter(pk=certificate.pk).update(pdf=old_name, pdf_sha256="0" * 64)
    migration = importlib.import_module(
        "training.certificates.migrations.0002_certificate_private_storage"
    )

    migration.certificate_files_move(apps, None)
    migration.certificate_files_move(apps, None)  # a second run changes nothing

    certificate.refresh_from_db()
    assert certificate.pdf.name == f"certificates/{certificate.pk}.pdf"
    assert certificate.pdf.read() == CONTENT
    assert not default_storage.exists(old_name)
