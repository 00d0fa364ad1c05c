"""Signature images are never public, and still on the certificate (training/files).

The certificate PDF reads the signature from storage on the server; the trainer's
"My signature" screen shows it through the checking file view, to that trainer only.
"""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.certificates.helpers import complete_course
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    login_with_mfa,
    png_upload,
)
from training.certificates import services
from training.certificates.signatures import trainer_signature_save

pytestmark = pytest.mark.django_db


def red_pixels(image) -> bool:
    rgb = image.image.convert("RGB")
    return rgb.getpixel((rgb.width // 2, rgb.height // 2)) == (255, 0, 0)


def test_the_pdf_embeds_the_private_signature_image(course):
    trainer = TrainerFactory()
    signature = trainer_signature_save(
        trainer=trainer, name="Tessa de Groot", role="Trainer", upload=png_upload("s.png", "red")
    )
    assert signature.image.file.url.startswith("/bestanden/")
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course, trainers=[trainer]))
    complete_course(enrolment)
    certificate = services.certificate_issue(enrolment=enrolment)
    page = PdfReader(io.BytesIO(certificate.pdf.read())).pages[0]
    assert any(red_pixels(image) for image in page.images), "the red signature is on the PDF"


def test_my_signature_shows_the_preview_through_the_file_view(client):
    trainer = TrainerFactory()
    trainer_signature_save(trainer=trainer, name="Tessa", role="", upload=png_upload("s.png"))
    login_with_mfa(client, trainer)
    page = client.get(reverse("certificates_admin:signature")).content.decode()
    start = page.index('src="/bestanden/images/') + len('src="')
    preview = page[start : page.index('"', start)]
    response = client.get(preview)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    response.close()
    login_with_mfa(client, TrainerFactory())
    assert client.get(preview).status_code == 404
