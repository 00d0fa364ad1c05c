"""A full-page cache for anonymous visitors of the public course pages.

The home page and published course, module and lesson pages look the same
for every visitor who is not signed in, so their HTML is kept in Django's
cache (shared in production) and served without running the page again.

What is cached, and when (every rule must hold, else the page is served
normally and not stored):
- a GET without a query string, outside the admin, from a visitor who is
  not signed in and brings no session and no messages, to a URL that
  Wagtail's page view serves (only those are looked up: `process_view`);
- a page Wagtail served (`before_serve_page` marks it) of one of the
  `CACHED_PAGE_TYPES`, without a view restriction on it or an ancestor;
- answered 200 with HTML, no cookie, no `Cache-Control: private/no-store/
  no-cache`, no `Vary` beyond Cookie and Accept-Language (both covered:
  only cookie-less visitors, the language in the key), no message shown
  or queued and nothing written to the session.

The key holds the content generation (content_cache.py; bumped on publish,
unpublish, move, save and delete of any page and on view-restriction
changes), the scheme, host and path, and the active language. The timeout
is short on purpose: it bounds how long a deploy's template change waits
behind a cached page, since a deploy does not bump the generation.

CSRF: every page carries forms (the language switch, knowledge checks), so
the stored HTML has a placeholder where each form's token was, and every
hit fills in a token of the visitor's own (`get_token`, which also sets the
CSRF cookie as an uncached page would). No visitor's token is ever stored.
CSP: the site's policy uses no nonces (config/csp.py: scripts only from the
site's own files), so a cached page is exactly as valid under it as a fresh
one; the header is added by the middleware above this one on every response.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language
from wagtail import hooks

from .content_cache import content_key

CACHED_PAGE_TYPES = frozenset(
    {"home.homepage", "courses.coursepage", "courses.modulepage", "courses.lessonpage"}
)
TIMEOUT_SECONDS = 5 * 60
# The URL name of Wagtail's page-serving view (config/urls.py routes it to routing.serve).
WAGTAIL_SERVE = "wagtail_serve"
STATUS_HEADER = "X-Page-Cache"
HARMLESS_VARY = frozenset({"cookie", "accept-language"})
UNCACHEABLE_CONTROL = ("private", "no-store", "no-cache")
# Exactly what Django's {% csrf_token %} writes.
CSRF_INPUT = re.compile(r'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = "page-cache-csrf-token"
CSRF_FILLED = re.compile(
    r'(<input type="hidden" name="csrfmiddlewaretoken" value=")' + CSRF_PLACEHOLDER + r'(")'
)
# Headers the middleware above this one sets anew on each response.
NOT_STORED_HEADERS = frozenset({"content-length", "vary", "set-cookie", STATUS_HEADER.lower()})
PAGE_ATTRIBUTE = "_page_cache_page"
CANDIDATE_ATTRIBUTE = "_page_cache_candidate"


@hooks.register("before_serve_page")
def page_cache_mark(page, request, serve_args, serve_kwargs):
    """Note a public page of a cached type on the request; the middleware may store it.

    Only on requests the middleware may store at all: the restriction query
    is not spent on signed-in visitors' pages."""
    if not getattr(request, CANDIDATE_ATTRIBUTE, False):
        return None
    if page._meta.label_lower not in CACHED_PAGE_TYPES or getattr(request, "is_preview", False):
        return None
    if not page.get_view_restrictions().exists():
        setattr(request, PAGE_ATTRIBUTE, page)
    return None


def page_cache_key(request) -> str:
    return content_key(
        "page", request.scheme, request.get_host(), request.path, get_language() or ""
    )


def _is_candidate(request) -> bool:
    if request.method != "GET" or request.META.get("QUERY_STRING"):
        return False
    if request.path.startswith("/beheer/") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if request.user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return messages is None or len(messages) == 0


def _is_storable(request, response) -> bool:
    if getattr(request, PAGE_ATTRIBUTE, None) is None:
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in UNCACHEABLE_CONTROL):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if vary - HARMLESS_VARY:
        return False
    if request.user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    # Shown ones were none (see _is_candidate); none may have been queued since.
    if messages is not None and len(messages):
        return False
    session = getattr(request, "session", None)
    return session is None or not (session.modified or session.keys())


def _entry(response) -> dict:
    html = response.content.decode(response.charset)
    return {
        "status": response.status_code,
        "content": CSRF_INPUT.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", html),
        "charset": response.charset,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in NOT_STORED_HEADERS
        ],
    }


def _replay(request, entry: dict) -> HttpResponse:
    html = entry["content"]
    if CSRF_PLACEHOLDER in html:
        token = get_token(request)
        html = CSRF_FILLED.sub(lambda match: match[1] + token + match[2], html)
    response = HttpResponse(html, status=entry["status"], charset=entry["charset"])
    for name, value in entry["headers"]:
        response[name] = value
    response[STATUS_HEADER] = "hit"
    return response


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous public pages (see the module's docstring).

    Sits below the session, auth, messages and locale middleware (it needs
    the visitor and the language) and above the ones whose headers it keeps
    with the page (X-Frame-Options).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_candidate(request):
            return self.get_response(request)
        setattr(request, CANDIDATE_ATTRIBUTE, True)
        response = self.get_response(request)
        if _is_storable(request, response):
            cache.set(page_cache_key(request), _entry(response), timeout=TIMEOUT_SECONDS)
            response[STATUS_HEADER] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Look a candidate up once its URL is resolved, and only when Wagtail serves it:
        every other view (sign-in, verification, the bench's constant view) never reaches
        the cache, whose reads are queries with production's database cache."""
        if not getattr(request, CANDIDATE_ATTRIBUTE, False):
            return None
        match = request.resolver_match
        if match is None or match.url_name != WAGTAIL_SERVE:
            setattr(request, CANDIDATE_ATTRIBUTE, False)
            return None
        entry = cache.get(page_cache_key(request))
        return None if entry is None else _replay(request, entry)
