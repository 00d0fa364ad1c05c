"""Where images and documents are kept, and how they leave MEDIA_ROOT (training/files)."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command

from tests.factories import wagtail_image
from training.files.services import media_files_move


@pytest.fixture
def on_disk(settings, tmp_path):
    """Production's layout: MEDIA_ROOT (served by the web server) and the private media folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "training.files.storage.MediaStorage",
            "OPTIONS": {"location": str(tmp_path / "private" / "media")},
        },
    }
    return tmp_path


def test_production_keeps_images_and_documents_out_of_media_root():
    from config.settings import base

    location = Path(base.STORAGES["default"]["OPTIONS"]["location"])
    assert base.STORAGES["default"]["BACKEND"] == "training.files.storage.MediaStorage"
    assert location.parent == Path(base.PRIVATE_MEDIA_ROOT)
    assert not location.resolve().is_relative_to(Path(base.MEDIA_ROOT).resolve())
    assert base.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_files_left_in_media_root_move_into_private_storage(on_disk, db):
    old = FileSystemStorage(location=on_disk / "media")
    old.save("original_images/handtekening-oud.png", ContentFile(b"png"))
    old.save("documents/werkblad.pdf", ContentFile(b"%PDF"))
    old.save("ander/bestand.txt", ContentFile(b"niet van ons"))

    moved = media_files_move(
        names=["original_images/handtekening-oud.png", "documents/werkblad.pdf", "weg.png"]
    )

    assert moved == 2
    assert not (on_disk / "media" / "original_images" / "handtekening-oud.png").exists()
    private = on_disk / "private" / "media"
    assert (private / "original_images" / "handtekening-oud.png").read_bytes() == b"png"
    assert (private / "documents" / "werkblad.pdf").read_bytes() == b"%PDF"
    assert (on_disk / "media" / "ander" / "bestand.txt").exists()  # not an image's: left alone
    assert media_files_move(names=["original_images/handtekening-oud.png"]) == 0  # repeatable


def test_the_command_moves_what_the_database_names(on_disk, db, capsys):
    image = wagtail_image("Oud")  # written to the private folder, as a new upload is
    private = on_disk / "private" / "media" / image.file.name
    old = on_disk / "media" / image.file.name
    old.parent.mkdir(parents=True)
    private.rename(old)  # where an older version kept it

    call_command("media_private")

    assert private.exists() and not old.exists()
    assert "1 files moved" in capsys.readouterr().out


def test_nginx_sends_a_private_image_from_below_private_media_root(on_disk, db, client, settings):
    settings.PROTECTED_FILES_SERVER = "nginx"
    settings.PROTECTED_FILES_INTERNAL_URL = "/protected/"
    image = wagtail_image("Openbaar beeld")
    assert storages["default"].url(image.file.name) == f"/bestanden/{image.file.name}"
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected/media/{image.file.name}"
    assert response.content == b""
