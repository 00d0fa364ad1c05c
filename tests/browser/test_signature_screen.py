"""The trainer's "My signature" screen: upload a signature image, see it, accessible."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_certificate_journey import log_in
from tests.factories import TrainerFactory, png_upload
from training.accounts.services import user_email_mark_verified
from training.certificates.models import TrainerSignature

pytestmark = pytest.mark.browser


def test_a_trainer_uploads_their_signature(new_page, live_server, axe, tmp_path):
    cache.clear()
    trainer = TrainerFactory(display_name="Tessa de Groot")
    user_email_mark_verified(trainer)
    scan = tmp_path / "scan.png"
    scan.write_bytes(png_upload(colour="navy").read())
    for width, viewport in (("1280", DESKTOP), ("390", PHONE)):
        page = log_in(
            lambda viewport=viewport: new_page(viewport=viewport),
            live_server,
            trainer,
            "/beheer/certificaten/signature/",
        )
        page.get_by_label("Afbeelding van je handtekening").set_input_files(str(scan))
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_text("Je huidige handtekening")).to_be_visible()
        axe(page)
        page.screenshot(path=f"/tmp/files-signature-{width}.png", full_page=True)  # noqa: S108
    assert TrainerSignature.objects.get(trainer=trainer).image is not None
