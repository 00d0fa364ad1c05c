"""An academy's look on its pages: its name in the header, its accent colour as a
stylesheet from the site itself (no inline style under the CSP)."""

import pytest
from django.urls import reverse

from tests.factories import academy_course, academy_create, build_course
from training.academies.colours import contrast_ratio
from training.academies.views import darker

pytestmark = pytest.mark.django_db


def test_an_academys_course_page_carries_its_name_and_colour(client):
    academy = academy_create("Stichting Samen Verder", accent_colour="#0f5132")
    course = academy_course(academy, modules=1, lessons_per_module=1)
    page = client.get(course.url).content.decode()
    style_url = reverse("academies:style", args=[academy.slug])
    assert f'<link rel="stylesheet" href="{style_url}">' in page
    assert "Stichting Samen Verder" in page
    assert 'style="' not in page.split("<body")[0]

    style = client.get(style_url)
    assert style["Content-Type"].startswith("text/css")
    assert "--brand: #0f5132;" in style.content.decode()


def test_a_platform_page_keeps_the_platform_look(client):
    academy_create("Stichting Samen Verder")
    page = client.get(build_course(modules=1, lessons_per_module=1).url).content.decode()
    assert "stijl.css" not in page
    assert "Lotgenoot Academie" in page


def test_the_hover_shade_keeps_aa_contrast():
    for accent in ("#0f5132", "#1d4ed8", "#6b2c91"):
        assert contrast_ratio(darker(accent)) >= contrast_ratio(accent) >= 4.5


def test_a_platform_page_asks_the_database_nothing_about_academies(django_assert_num_queries):
    from training.academies.selectors import academy_of_page

    academy = academy_create("Stichting Samen Verder")
    platform_course = build_course(modules=1, lessons_per_module=1)
    academy_of_page(platform_course)  # fills the cache
    with django_assert_num_queries(0):
        assert academy_of_page(platform_course) is None
    own = academy_course(academy, modules=1, lessons_per_module=1)
    with django_assert_num_queries(1):
        assert academy_of_page(own) == academy
    renamed = academy_create("Tweede academie")
    assert academy_of_page(renamed.catalogue) == renamed  # the cache forgot on save
