"""`{% academy_of_page page as academy %}`: the academy whose catalogue holds `page`."""

from django import template

from training.academies.models import Academy

register = template.Library()


@register.simple_tag
def academy_of_page(page):
    """One query: the academy whose catalogue is `page` or one of its ancestors (or None)."""
    path = getattr(page, "path", None)
    if not path:
        return None
    steplen = page.steplen
    ancestors = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
    return Academy.objects.filter(catalogue__path__in=ancestors).select_related("logo").first()
