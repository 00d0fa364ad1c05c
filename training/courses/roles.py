"""What `sync_roles` keeps in order besides the Trainer group's permissions.

Each app that keeps images or documents in a collection of its own (course
material here; signatures in certificates, logos in associations) contributes
a function to the `COLLECTION_SYNC` hook (`training.hooks`) that creates the
collection and gives trainers the right permissions on it. The academies
contribute the reset of every academy's role groups (`academies_groups_sync`).
"""

from __future__ import annotations

from collections.abc import Callable

from training.hooks import COLLECTION_SYNC, contributions


def collection_syncs() -> tuple[Callable[[], object], ...]:
    return tuple(contributions(COLLECTION_SYNC))
