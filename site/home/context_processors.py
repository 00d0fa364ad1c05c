from wagtail.models import Site


def site_navigation(request):
    """The site's root and its menu pages, for the header (one cached lookup per request)."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_root": None, "menu_pages": []}
    root = site.root_page
    return {
        "site_root": root,
        "menu_pages": root.get_children().live().in_menu(),
    }
