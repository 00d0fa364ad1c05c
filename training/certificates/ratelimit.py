"""A per-client rate limit for public certificate lookups, against enumeration; and the
same fixed-window count for any other subject (`window_allowed`: a feedback moment).

A fixed one-minute window per client IP, counted in the cache (production
needs a shared cache for the count to hold across workers, as for the
sign-in limits). Behind a reverse proxy, TRUSTED_PROXY_COUNT says how many
proxies append to X-Forwarded-For, as for allauth.
"""

import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60


def client_ip(request) -> str:
    proxies = getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def lookup_allowed(request, *, scope: str = "certificate-lookup") -> bool:
    """Count one lookup for this client; False once it is over the limit this minute."""
    return window_allowed(
        f"{scope}:{client_ip(request)}", limit=settings.CERTIFICATE_VERIFY_RATE_LIMIT
    )


def window_allowed(subject: str, *, limit: int) -> bool:
    """Count one event for `subject` (a client, a feedback moment); False once it is over
    `limit` this minute. A limit of 0 or less turns the limit off."""
    if limit <= 0:
        return True
    window = int(time.time() // WINDOW_SECONDS)
    key = f"ratelimit:{subject}:{window}"
    if cache.add(key, 1, timeout=WINDOW_SECONDS + 5):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=WINDOW_SECONDS + 5)
        return True
    return count <= limit
