"""`{% academy_of_page page as academy %}`: the academy whose catalogue holds `page`."""

from django import template

from training.academies import selectors

register = template.Library()


@register.simple_tag
def academy_of_page(page):
    return selectors.academy_of_page(page)
