"""Template tags for the site's frame (base.html): the menu's current section and
the page's meta description.

Personal data: none. The meta description comes from published page fields or
fixed sentences, never from anything a learner wrote.
"""

from html import unescape

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

register = template.Library()

# Where a page has no search description of its own, its introduction stands in,
# in this order (the first field the page has and is not empty).
INTRODUCTION_FIELDS = ("summary", "lead", "intro")
MAX_DESCRIPTION_CHARS = 160

# Views outside the CMS: one sentence each, else the site's own sentence.
VIEW_DESCRIPTIONS = {
    "account_login": _("Log in to Lotgenoot Academie to carry on with your course."),
    "account_signup": _(
        "Create an account at Lotgenoot Academie and learn to lead a peer-support group."
    ),
    "account_reset_password": _("Forgot your password? Ask for a link to choose a new one."),
    "search": _("Search the courses and lessons of Lotgenoot Academie."),
    "certificates:verify": _(
        "Check whether a facilitator's Lotgenoot Academie certificate is valid, and until when."
    ),
    "certificates:verify_detail": _(
        "Check whether a facilitator's Lotgenoot Academie certificate is valid, and until when."
    ),
    "learning:dashboard": _("Your courses, your progress and what to do next."),
}
SITE_DESCRIPTION = _("Lotgenoot Academie: training for facilitators of peer-support groups.")


@register.simple_tag
def menu_current(item, page) -> str:
    """The `aria-current` value of a main-menu item on `page`.

    "page" on the item's own page, "true" on a page inside its section (a course,
    module or lesson under "Cursussen"), "" elsewhere: exactly one section is
    marked, and the home page (the parent of every section) marks none.
    """
    page_path = getattr(page, "url_path", None)
    if not isinstance(page_path, str):
        return ""
    if page_path == item.url_path:
        return "page"
    if page_path.startswith(item.url_path):
        return "true"
    return ""


def _plain(value) -> str:
    text = unescape(strip_tags(str(value or ""))).split()
    return " ".join(text)


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    """The page's search description, else its introduction, else one for the view.

    A view can also put `meta_description` in its context. Plain text, at most
    160 characters (what search engines show); the template escapes it.
    """
    if context.get("meta_description"):
        return str(context["meta_description"])
    page = context.get("page")
    if hasattr(page, "search_description"):
        for field in ("search_description", *INTRODUCTION_FIELDS):
            text = _plain(getattr(page, field, ""))
            if text:
                return Truncator(text).chars(MAX_DESCRIPTION_CHARS)
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    view_name = getattr(match, "view_name", "")
    return str(VIEW_DESCRIPTIONS.get(view_name, SITE_DESCRIPTION))
