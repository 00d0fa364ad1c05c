"""Who may fetch an image or a document: the one rule, used by every view that serves one.

The rule goes by the collection a file is in (its place in Wagtail's collection tree) at
the moment it is asked for:

- **Public** (anyone, also without an account; cacheable):
  - every collection of the platform itself: the root, "Lesmateriaal" (the platform's
    course material), "Verenigingslogo's" and any other collection outside the two kinds
    below;
  - an academy's logo (`Academy.logo`), also when it is kept in the academy's collection:
    its pages and certificates show it to everyone;
  - an academy's public sub-collection, "Openbaar", directly under its collection: images
    for the academy's public pages (its catalogue, a course's introduction).
- **An academy's people only** (404 for anyone else; `private, no-store`): everything
  else in an academy's collection and below it. Its people are the holders of a role in
  that academy (administrator, trainer, staff; `training.academies`), the learners with an
  active enrolment in one of its cohorts (`training.learning`), and superusers.
- **The signer only** (404 for anyone else; `private, no-store`): every image in the
  "Handtekeningen" collection (trainers' signature images). Only the trainer it belongs to
  (`uploaded_by_user`, which `trainer_signature_save` sets to the trainer) and superusers
  fetch it; the certificate PDF reads it from storage on the server, never by URL.

`can_see_file(user, item)` is that rule; `is_public_file(item)` is the same rule asked for
an anonymous visitor. Images are served by `training.files.views.serve_media`, documents by
Wagtail's own serve view with the `before_serve_document` hook (`wagtail_hooks.py`). No
file has a `/media/` URL any more: see `storage.py`.
"""

from __future__ import annotations

from wagtail.models import Collection

from training.academies.models import PUBLIC_COLLECTION
from training.academies.permissions import roles_of
from training.courses.permissions import SIGNATURE_COLLECTION
from training.learning.permissions import own_active_enrolments

__all__ = ["PUBLIC_COLLECTION", "can_see_file", "is_public_file"]


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def _ancestors(collection: Collection) -> list[Collection]:
    """`collection` and every collection above it, root first, with their academy (one query,
    kept on the instance: a view asks the rule twice, for the visitor and for the cache)."""
    cached = getattr(collection, "_file_rule_ancestors", None)
    if cached is not None and cached[-1].path == collection.path:
        return cached
    step = Collection.steplen
    paths = [collection.path[:end] for end in range(step, len(collection.path) + 1, step)]
    ancestors = list(
        Collection.objects.filter(path__in=paths).select_related("academy").order_by("path")
    )
    collection._file_rule_ancestors = ancestors
    return ancestors


def _belongs_to_academy(user, academy_id: int) -> bool:
    return (
        roles_of(user).filter(academy_id=academy_id).exists()
        or own_active_enrolments(user).filter(cohort__academy_id=academy_id).exists()
    )


def can_see_file(user, item) -> bool:
    """May `user` (None or anonymous: anyone) fetch `item`, a Wagtail image or document?

    The one rule of this module's docstring; every file view asks it.
    """
    ancestors = _ancestors(item.collection)
    if len(ancestors) > 1 and ancestors[1].name == SIGNATURE_COLLECTION:
        return _active(user) and (user.is_superuser or item.uploaded_by_user_id == user.pk)
    for position, collection in enumerate(ancestors):
        academy = getattr(collection, "academy", None)
        if academy is None:
            continue
        below = ancestors[position + 1] if position + 1 < len(ancestors) else None
        if below is not None and below.name == PUBLIC_COLLECTION:
            return True
        if _is_image(item) and academy.logo_id == item.pk:
            return True
        if not _active(user):
            return False
        return user.is_superuser or _belongs_to_academy(user, academy.pk)
    return True


def is_public_file(item) -> bool:
    """Anyone may fetch `item`: the same rule, asked for a visitor without an account."""
    return can_see_file(None, item)


def _is_image(item) -> bool:
    from wagtail.images import get_image_model

    return isinstance(item, get_image_model())
