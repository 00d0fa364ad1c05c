"""Writes for trainers' certificate signatures.

A signature image is a Wagtail image in the "Handtekeningen" collection, on
which no group holds any permission: only superusers see or change it in
the image library. The trainer uploads, replaces or removes their own
through `trainer_signature_save` (the "My signature" screen), so a trainer
can neither choose nor touch another trainer's signature.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import F
from wagtail.images import get_image_model

from training.courses.permissions import SIGNATURE_COLLECTION, collection_ensure

from .models import TrainerSignature


def signature_image_create(*, trainer, name: str, upload):
    """A new image in the signature collection, under a random file name (nothing to guess)."""
    suffix = Path(upload.name).suffix.lower() or ".png"
    image = get_image_model()(
        title=f"Handtekening {name}",
        collection=collection_ensure(SIGNATURE_COLLECTION),
        uploaded_by_user=trainer,
    )
    image.file = ImageFile(upload, name=f"handtekening-{secrets.token_hex(8)}{suffix}")
    image.save()
    return image


@transaction.atomic
def trainer_signature_save(
    *, trainer, name: str, role: str, upload=None, remove_image: bool = False
) -> TrainerSignature:
    """Set the trainer's own name, role and (optionally) signature image.

    A new upload replaces the old image, which is deleted; `remove_image`
    deletes it without a new one. Certificates already issued keep their PDF.
    """
    signature, _ = TrainerSignature.objects.select_for_update().get_or_create(
        trainer=trainer, defaults={"name": name}
    )
    old_image = signature.image
    signature.name, signature.role = name, role
    if upload is not None:
        signature.image = signature_image_create(trainer=trainer, name=name, upload=upload)
    elif remove_image:
        signature.image = None
    signature.full_clean()
    signature.save()
    if old_image is not None and old_image != signature.image:
        old_image.delete()
    return signature


def signature_images_collect() -> int:
    """Move every image used as a signature into the signature collection, owned by its trainer.

    The file rule (`training.files.permissions`) lets only the owner (`uploaded_by_user`)
    and superusers fetch an image there, so an image someone else uploaded for a trainer
    is given to that trainer. Returns how many images changed. Safe to repeat.
    """
    collection = collection_ensure(SIGNATURE_COLLECTION)
    Image = get_image_model()
    changed = set(
        Image.objects.filter(pk__in=TrainerSignature.objects.exclude(image=None).values("image_id"))
        .exclude(collection=collection)
        .values_list("pk", flat=True)
    )
    Image.objects.filter(pk__in=changed).update(collection=collection)
    for image_id, trainer_id in (
        TrainerSignature.objects.exclude(image=None)
        .exclude(image__uploaded_by_user=F("trainer"))
        .values_list("image_id", "trainer_id")
    ):
        Image.objects.filter(pk=image_id).update(uploaded_by_user_id=trainer_id)
        changed.add(image_id)
    return len(changed)
