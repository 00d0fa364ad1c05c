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
    b"".join(response)  # read to the end: the test client closes it (never close_old_connections)
    login_with_mfa(client, TrainerFactory())
    assert client.get(preview).status_code == 404


def test_an_existing_signature_image_becomes_its_trainer_s_alone():
    """What migration certificates 0007 runs: an image someone else uploaded to the root
    collection and chose as a trainer's signature moves to "Handtekeningen", owned by the
    trainer; then only that trainer (and superusers) fetch it."""
    from wagtail.models import Collection

    from tests.factories import UserFactory, wagtail_image
    from training.certificates.models import TrainerSignature
    from training.certificates.signatures import signature_images_collect
    from training.courses.permissions import SIGNATURE_COLLECTION
    from training.files.permissions import can_see_file

    trainer, uploader = TrainerFactory(), UserFactory(is_superuser=True)
    image = wagtail_image("Oude handtekening", Collection.get_first_root_node(), uploader)
    TrainerSignature.objects.create(trainer=trainer, name="Tessa", image=image)
    assert can_see_file(None, image)  # public in the root collection, as before

    assert signature_images_collect() == 1
    image.refresh_from_db()
    assert image.collection.name == SIGNATURE_COLLECTION
    assert image.uploaded_by_user == trainer
    assert can_see_file(trainer, image)
    assert not can_see_file(None, image) and not can_see_file(TrainerFactory(), image)
    assert signature_images_collect() == 0  # safe to repeat
