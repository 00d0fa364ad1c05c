"""The Content-Security-Policy in a real browser: the pages run without a single
violation (every browser test checks that, see conftest), and the check itself
catches a script the site did not ship."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import (
    CohortFactory,
    ReflectionAssignmentPageFactory,
    TrainerFactory,
    build_course,
    login_with_mfa,
)

pytestmark = pytest.mark.browser


def test_an_injected_inline_script_is_refused_and_reported(page, csp_violations):
    page.goto("/")
    with pytest.raises(Exception, match="Content Security Policy|Refused"):
        page.add_script_tag(content="window.__injected = true")
    assert page.evaluate("window.__injected === undefined")
    expect(page.locator("body")).to_be_visible()
    page.wait_for_function("() => true")  # let the console event arrive
    assert any("script-src" in violation for violation in csp_violations), csp_violations
    csp_violations.clear()  # expected here; any other violation fails the test


def test_the_wagtail_admin_runs_under_the_policy(page, live_server, client):
    """Wagtail's own admin raises no violation: the dashboard, the explorer, a page
    editor with an InlinePanel (the rubric) and date pickers, a cohort form."""
    course = build_course(modules=1, lessons_per_module=1)
    assignment = ReflectionAssignmentPageFactory(parent=course.get_children().first())
    cohort = CohortFactory(course=course)
    login_with_mfa(client, TrainerFactory(is_superuser=True, is_staff=True))
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    edit_assignment = reverse("wagtailadmin_pages:edit", args=[assignment.pk])
    paths = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailimages:index"),
        reverse("cohorts:edit", args=[cohort.pk]),
        reverse("cohorts:add"),
        edit_assignment,
    ]
    for path in paths:
        page.goto(path)
        expect(page.locator("main, #main").first).to_be_visible()
        page.wait_for_load_state("networkidle")
    # The rubric's InlinePanel started (its script was allowed): it adds a criterion.
    total = page.locator("#id_rubric_criteria-TOTAL_FORMS")
    count = int(total.input_value())
    page.locator("#id_rubric_criteria-ADD").click()
    expect(total).to_have_value(str(count + 1))
