from django.conf import settings
from django.utils.functional import SimpleLazyObject, cached_property

from training.courses.content_cache import cached, content_key
from training.courses.routing import request_site


class _Navigation:
    """The site's root and its menu pages, read only when a template uses them.

    They are the same for every visitor, so they come from the content cache
    (a new generation on any page or site change): a page that shows the
    header costs no query for it, and a response that never renders it (the
    429 of a refused verification lookup) costs nothing at all.
    """

    def __init__(self, request):
        self.request = request

    @cached_property
    def parts(self) -> tuple:
        def compute():
            site = request_site(self.request)
            if site is None:
                return (None, None, [])
            root = site.root_page
            return (site, root, list(root.get_children().live().in_menu()))

        key = content_key("site-navigation", self.request.get_host())
        site, root, menu = cached(key, compute)
        # Wagtail keeps the request's site here (Site.find_for_request says so):
        # `{% pageurl %}` in the header then needs no query to find it either.
        if not hasattr(self.request, "_wagtail_site"):
            self.request._wagtail_site = site
        return (root, menu)


def content_language(request):
    """The language the course content is written in, for `lang` on its parts.

    Trainers write in Dutch (the site's default language; Wagtail's
    internationalisation is off, so every page is in the default locale). When
    the interface is in English, the content keeps `lang="nl"` so a screen
    reader reads it with Dutch pronunciation (WCAG 3.1.2, language of parts).
    """
    return {"content_language": settings.LANGUAGE_CODE}


def site_navigation(request):
    """The site's root and its menu pages, and the signed-in user's own header
    links (home.header), for the header (lazy and cached)."""
    from .header import header_links

    navigation = _Navigation(request)
    return {
        "site_root": SimpleLazyObject(lambda: navigation.parts[0]),
        "menu_pages": SimpleLazyObject(lambda: navigation.parts[1]),
        "header_links": SimpleLazyObject(lambda: header_links(user=request.user)),
    }
