"""The page editor's readability indicator and its accessibility fix for Draftail.

Both are static files inserted with Wagtail's `insert_editor_js` and
`insert_global_admin_css` hooks (the CSP allows no inline script or style); the indicator
asks the JSON endpoint of `admin_views.readability_check`, registered here under the
admin's URLs.
"""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks

from .admin_views import readability_check


@hooks.register("register_admin_urls")
def register_readability_url():
    return [path("leesbaarheid/", readability_check, name="courses_readability")]


@hooks.register("insert_editor_js")
def readability_and_draftail_js():
    return format_html(
        '<script src="{}" defer></script>'
        '<script src="{}" data-readability-url="{}" defer></script>',
        static("courses/draftail-a11y.js"),
        static("courses/readability.js"),
        reverse("courses_readability"),
    )


@hooks.register("insert_global_admin_css")  # Wagtail 8 has no editor-only CSS hook
def readability_css():
    return format_html('<link rel="stylesheet" href="{}">', static("courses/readability.css"))
