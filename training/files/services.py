"""Moving images and documents an older version kept under MEDIA_ROOT into private storage."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage


def media_files_move(*, names) -> int:
    """Move each file of `names` (image, rendition and document file names) from MEDIA_ROOT,
    which the web server serves, into the default storage (private); returns how many moved.

    Safe to repeat: a name already moved, or missing, is skipped. Nothing happens where
    MEDIA_ROOT is not a folder (S3 setups, where the files never left the private bucket)
    or is the default storage's own folder.
    """
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return 0
    target = default_storage
    if isinstance(target, FileSystemStorage) and Path(target.location).resolve() == root.resolve():
        return 0
    source = FileSystemStorage(location=root)
    moved = 0
    for name in names:
        if not name or not source.exists(name):
            continue
        if not target.exists(name):
            with source.open(name, "rb") as handle:
                saved = target.save(name, handle)
            if saved != name:  # pragma: no cover - the name was free a moment ago
                target.delete(saved)
                continue
        source.delete(name)
        moved += 1
    return moved


def media_file_names(*, image_model, rendition_model, document_model):
    """Every file name the three models hold (historical models in a migration)."""
    for model in (image_model, rendition_model, document_model):
        yield from model.objects.exclude(file="").values_list("file", flat=True).iterator()
