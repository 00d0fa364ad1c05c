"""No page of the visitor, learner and association journeys scrolls sideways on a phone.

Issue 15: long Dutch compounds in headings ("Ervaringsdeskundigheid: je eigen
ervaring als bron") made the module page 443 px wide on a 390 px screen. Every
page is visited at 320 and 390 px; a page fails when the document is wider than
the window. The pages are scanned with axe as well.
"""

import pytest
from django.urls import reverse

from tests.browser.conftest import log_in
from tests.browser.journey_site import journey_site

pytestmark = pytest.mark.browser

WIDTHS = (320, 390)


@pytest.fixture
def site():
    return journey_site()


def sideways(page, width):
    """The page's widths when the document is wider than the window, else None.

    A phone browser zooms out to fit a page that is too wide, and then reports
    the widened window as `innerWidth`: the screen's own width is compared too.
    """
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    return widths if widths["scroll"] > min(widths["inner"], width) else None


def visit_all(page, paths, axe, screenshot, width):
    too_wide = {}
    for name, path in paths:
        response = page.goto(path)
        assert response.ok, f"{path}: {response.status}"
        screenshot(page, f"{width}-{name}")
        if widths := sideways(page, width):
            too_wide[path] = widths
        axe(page)
    return too_wide


def visitor_paths(site):
    return [
        ("home", "/"),
        ("catalogue", site.course.get_parent().url),
        ("course", site.course.url),
        ("module", site.module.url),
        ("lesson", site.lesson.url),
        ("assignment", site.assignment.url),
        ("signup", reverse("account_signup")),
        ("login", reverse("account_login")),
        ("password-reset", reverse("account_reset_password")),
        ("verify", reverse("certificates:verify")),
        ("verify-detail", reverse("certificates:verify_detail", args=[site.certificate.code])),
        ("search", reverse("search") + "?q=ervaringsdeskundigheid"),
    ]


def learner_paths(site):
    return [
        ("dashboard", reverse("learning:dashboard")),
        ("course-enrolled", site.course.url),
        ("lesson-enrolled", site.lesson.url),
        ("reflections", reverse("reflections:index")),
        ("reflection", reverse("reflections:detail", args=[site.submission.public_id])),
        ("peer-review", reverse("reflections:review", args=[site.review_to_give.public_id])),
        ("my-feedback", reverse("reflections:my_feedback")),
        ("certificates", reverse("certificates:mine")),
        ("profile", reverse("accounts:profile")),
        ("privacy", reverse("privacy:overview")),
        ("privacy-erase", reverse("privacy:erase")),
    ]


def association_paths(site):
    pk = site.association.pk
    return [
        ("association-status", reverse("associations:status", args=[pk])),
        ("association-staff", reverse("associations:staff", args=[pk])),
        ("association-facilitators", reverse("associations:facilitators", args=[pk])),
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_visitor_pages_fit_the_phone(new_page, axe, screenshot, site, width):
    page = new_page(viewport={"width": width, "height": 800}, is_mobile=True)
    too_wide = visit_all(page, visitor_paths(site), axe, screenshot, width)
    assert not too_wide, f"pages scroll sideways at {width} px: {too_wide}"


@pytest.mark.parametrize("width", WIDTHS)
def test_learner_pages_fit_the_phone(new_page, live_server, axe, screenshot, site, width):
    page = log_in(
        new_page,
        live_server,
        site.learner,
        reverse("learning:dashboard"),
        viewport={"width": width, "height": 800},
        is_mobile=True,
    )
    too_wide = visit_all(page, learner_paths(site), axe, screenshot, width)
    assert not too_wide, f"pages scroll sideways at {width} px: {too_wide}"


@pytest.mark.parametrize("width", WIDTHS)
def test_association_pages_fit_the_phone(new_page, live_server, axe, screenshot, site, width):
    page = log_in(
        new_page,
        live_server,
        site.association_staff,
        reverse("associations:status", args=[site.association.pk]),
        viewport={"width": width, "height": 800},
        is_mobile=True,
    )
    too_wide = visit_all(page, association_paths(site), axe, screenshot, width)
    assert not too_wide, f"pages scroll sideways at {width} px: {too_wide}"
