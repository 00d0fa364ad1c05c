"""An academy's look on the site: its accent colour as a small stylesheet.

The site's Content-Security-Policy allows no inline styles, so the colour comes as a
stylesheet of its own from the site itself (`style-src 'self'`): it overrides the
brand colours of `site.css` on the academy's pages. Public and cacheable (no personal
data: a name and a colour).
"""

from coloraide import Color
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .models import Academy


def darker(colour: str, amount: float = 0.25) -> str:
    """The hover shade: the accent mixed with black (ColorAide, in sRGB)."""
    return Color(colour).mix("black", amount, space="srgb").to_string(hex=True)


@require_GET
@cache_control(public=True, max_age=300)
def academy_style(request, slug: str):
    academy = get_object_or_404(Academy, slug=slug)
    accent = academy.accent_colour
    css = f":root {{ --brand: {accent}; --brand-dark: {darker(accent)}; }}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")
