from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """`{{ mapping|lookup:key }}`: a dict item by a variable key, or None."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
