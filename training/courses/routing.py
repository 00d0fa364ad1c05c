"""Cheap site lookup and page routing, on Wagtail's own per-request caches.

Wagtail finds a request's site (`Site.find_for_request`) with a query and
routes a page URL by walking the tree from the site's root: one query per
level plus one for `.specific` at every level. Both answers depend only on
published content, so they are kept by content generation (content_cache.py;
bumped on publish, unpublish, move, save and delete of any page, on Site
save/delete and on view-restriction changes) and handed to Wagtail through
the two attributes it documents as its own per-request caches:
`request._wagtail_site` (Site.find_for_request) and
`request._wagtail_route_for_request` (Page.route_for_request). Everything
after routing is Wagtail's: `wagtail.views.serve` runs unchanged, with its
`before_serve_page` and `on_serve_page` hooks, so a view restriction
(private page, group, password) is checked on every request exactly as
before, and a page that is not live is not served. No Wagtail function is
replaced (no monkeypatching): a Wagtail upgrade that drops those attributes
only makes this a no-op.

- The site: `ContentRequestMiddleware` reads the content generation once per
  request. `request_site` (called by the page view and the header's
  navigation, so only when a response needs the site: an API call or a
  refused lookup costs nothing) sets `request._wagtail_site` from an
  in-process table keyed by (generation, hostname, port), filled by
  Wagtail's own lookup on a miss. Each request gets its own copy
  (unpickled), so no page object is shared between requests.
- The route: `serve` (the front-end page view, in place of Wagtail's in
  config/urls.py) looks up (site, path) → (page id, content type) in the
  cache and loads the specific page in one query. Stored only for a route
  Wagtail itself resolved to a page without arguments and where no page type
  on the way (root included) overrides `route()` (RoutablePageMixin and the
  like): those always take Wagtail's walk. A hit is used only if the page is
  live and its url_path is still the one the path names; otherwise, and on
  any miss, Wagtail routes as usual.
"""

from __future__ import annotations

import pickle

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .content_cache import content_generation, content_key, generation_pinned

_SITES: dict[tuple, bytes] = {}
_SITES_MAX = 64
_NO_SITE = pickle.dumps(None)
ROUTE_TIMEOUT_SECONDS = 24 * 60 * 60


def site_for_request(request) -> Site | None:
    """`Site.find_for_request`, from memory while the content generation lasts."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = (content_generation(), hostname, request.get_port())
    stored = _SITES.get(key)
    if stored is None:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 - loaded with it (select_related), kept with it
        stored = pickle.dumps(site) if site is not None else _NO_SITE
        if len(_SITES) >= _SITES_MAX:
            _SITES.clear()  # old generations, or a flood of unknown host names
        _SITES[key] = stored
    return pickle.loads(stored)  # noqa: S301 - our own bytes, never from outside


def request_site(request) -> Site | None:
    """The request's site, as `Site.find_for_request` would answer, kept where Wagtail keeps it."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site_for_request(request)
    return request._wagtail_site


class ContentRequestMiddleware:
    """At most one content-generation read per request, when first needed (the site too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with generation_pinned():
            return self.get_response(request)


def _route_key(site: Site, path: str) -> str:
    return content_key("route", site.pk, site.root_page_id, path)


def _expected_url_path(site: Site, path: str) -> str:
    return site.root_page.url_path + "".join(f"{part}/" for part in path.split("/") if part)


def _plain_route(model) -> bool:
    return model is not None and model.route is Page.route


# Stored for a path whose route Wagtail must walk itself (an overridden route()).
WALK = "walk"


def _cached_route(site: Site, path: str) -> RouteResult | str | None:
    entry = cache.get(_route_key(site, path))
    if entry is None or entry == WALK:
        return entry
    page_id, content_type_id = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if not _plain_route(model):
        return None
    page = model.objects.filter(pk=page_id, live=True).first()
    if page is None or page.url_path != _expected_url_path(site, path):
        return None  # changed since (the new generation is on its way): Wagtail decides
    return RouteResult(page)


def _remember_route(site: Site, path: str, result) -> None:
    if not isinstance(result, RouteResult) or result.args or result.kwargs:
        return
    page = result.page
    if page.url_path != _expected_url_path(site, path):
        return
    content_type_ids = set(
        Page.objects.filter(path__startswith=site.root_page.path, depth__gte=site.root_page.depth)
        .filter(
            path__in=[
                page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)
            ]
        )
        .values_list("content_type_id", flat=True)
    )
    models = [ContentType.objects.get_for_id(pk).model_class() for pk in content_type_ids]
    plain = all(_plain_route(model) for model in models)
    cache.set(
        _route_key(site, path),
        (page.pk, page.content_type_id) if plain else WALK,
        timeout=ROUTE_TIMEOUT_SECONDS,
    )


def serve(request, path):
    """Wagtail's page view, with the route from the cache when it can be (module docstring)."""
    site = request_site(request)
    usable = site is not None and not getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    known = False
    if usable and not hasattr(request, "_wagtail_route_for_request"):
        route = _cached_route(site, path)
        known = route is not None
        if isinstance(route, RouteResult):
            request._wagtail_route_for_request = route
    response = wagtail_views.serve(request, path)
    if usable and not known:
        _remember_route(site, path, getattr(request, "_wagtail_route_for_request", None))
    return response
