"""What `sync_roles` keeps in order besides the Trainer group's permissions.

Each app that keeps images or documents in a collection of its own (course
material here; signatures in certificates, logos in associations) registers
a function that creates the collection and gives trainers the right
permissions on it. The higher apps register from their `AppConfig.ready`:
courses sits below them and may not import them.
"""

from __future__ import annotations

from collections.abc import Callable

_collection_syncs: list[Callable[[], object]] = []


def register_collection_sync(sync: Callable[[], object]) -> None:
    """Register `sync()`, run by `sync_roles` in one transaction; twice has no effect."""
    if sync not in _collection_syncs:
        _collection_syncs.append(sync)


def collection_syncs() -> tuple[Callable[[], object], ...]:
    return tuple(_collection_syncs)
