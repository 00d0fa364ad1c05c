"""A per-client rate limit for public certificate lookups, against enumeration.

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
    limit = settings.CERTIFICATE_VERIFY_RATE_LIMIT
    if limit <= 0:
        return True
    window = int(time.time() // WINDOW_SECONDS)
    key = f"ratelimit:{scope}:{client_ip(request)}:{window}"
    if cache.add(key, 1, timeout=WINDOW_SECONDS + 5):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=WINDOW_SECONDS + 5)
        return True
    return count <= limit
