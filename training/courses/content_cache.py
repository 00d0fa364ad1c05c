"""A cache for what depends only on published course content.

Course outlines, rendered lesson bodies and the knowledge-check ids of a
course are the same for every visitor, so they are computed once and kept in
Django's cache (locmem in tests, a shared cache in production) until the
content changes. Nothing personal is ever stored here: per-learner state is
read fresh on every request.

Invalidation is by generation: every key carries the current content
generation, a counter in the same cache that any publish, unpublish, move,
save or delete of a page (or a change to a view restriction) bumps, so all
workers stop reading the old entries at once and they simply expire.
Lesson bodies are keyed by their live revision and the language too.

Within a request the generation is read at most once, when a key is first
built (`generation_pinned`, used by routing.ContentRequestMiddleware): with the
database cache of production every read is a query, and a request needs it for
every key it builds; a request that builds none (the bench's constant view, a
JSON autosave) reads nothing. A change made by the request itself unpins it, so
the request reads its own change; other workers' changes are seen from their
next request on.
"""

from __future__ import annotations

import hashlib
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache

GENERATION_KEY = "course-content:generation"
# Entries outlive no content change (the generation sees to that); the
# timeout only bounds how long unreachable old generations take up room.
TIMEOUT_SECONDS = 24 * 60 * 60
# Inside `generation_pinned`: a one-item list holding the generation once read
# (None until then); outside it: None, and every call reads the cache.
_pinned: ContextVar[list | None] = ContextVar("course_content_generation", default=None)


def content_generation() -> int:
    """The current generation; a missing counter (evicted, cleared) restarts
    from the clock, so it never comes back to a value used before."""
    pin = _pinned.get()
    if pin is not None and pin[0] is not None:
        return pin[0]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY, time.time_ns())
    if pin is not None:
        pin[0] = generation
    return generation


@contextmanager
def generation_pinned():
    """Read the generation at most once for the code inside (one request), when first needed."""
    token = _pinned.set([None])
    try:
        yield
    finally:
        _pinned.reset(token)


def content_changed() -> None:
    """Forget every cached outline, body and check list (a new generation)."""
    pin = _pinned.get()
    if pin is not None:
        pin[0] = None  # the request reads its own change
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet, or it was evicted
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


# memcached refuses keys over 250 bytes or with spaces and control characters
# (Django warns with CacheKeyWarning); parts such as a visitor's path can be anything.
_KEY_MAX = 200


def content_key(*parts) -> str:
    """A cache key in the current content generation; hashed when the parts are unsafe."""
    tail = ":".join(map(str, parts))
    if len(tail.encode()) > _KEY_MAX or any(ord(char) < 33 or ord(char) == 127 for char in tail):
        tail = "sha256:" + hashlib.sha256(tail.encode()).hexdigest()
    return f"course-content:{content_generation()}:{tail}"


def cached(key: str, compute):
    """`compute()` once per content generation for `key`."""
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=TIMEOUT_SECONDS)
    return value
