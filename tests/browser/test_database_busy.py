"""A database locked past its busy timeout, met in the browser: a calm Dutch page
(503, Retry-After) that shows back what was typed; Back keeps the form; the next
save goes through. Checked with axe at 1280 and 390 px."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.busy import database_locked
from tests.factories import EnrolmentFactory
from training.accounts.services import user_email_mark_verified
from training.continuing.models import PracticeSession

pytestmark = pytest.mark.browser

MOMENT = "Ik wilde een tip geven, maar vatte eerst samen wat ik hoorde."


def test_a_locked_database_shows_a_calm_page_with_the_text_and_nothing_is_lost(
    new_page, live_server, check_screen
):
    facilitator = EnrolmentFactory().learner
    user_email_mark_verified(facilitator)
    page = log_in(new_page, live_server, facilitator, reverse("continuing:session_new"))
    page.get_by_label(nl("kind of group")).fill("Leven met reuma, avondgroep")
    page.get_by_label(nl("duration in minutes")).fill("90")
    page.get_by_label(nl("A moment of listening")).fill(MOMENT)

    with database_locked():
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            page.get_by_role("button", name=nl("Add to my log")).click()
        assert answer.value.status == 503
        assert int(answer.value.headers["retry-after"]) > 0
        expect(
            page.get_by_role("heading", level=1, name=nl("It is busy right now"))
        ).to_be_visible()
        expect(
            page.get_by_role("textbox", name=nl("Your text, part %(number)s") % {"number": 2})
        ).to_have_value(MOMENT)
        check_screen(page, "database-busy")
    assert not PracticeSession.objects.exists()

    page.go_back()
    expect(page.get_by_label(nl("A moment of listening"))).to_have_value(MOMENT)
    page.get_by_role("button", name=nl("Add to my log")).click()
    expect(page.get_by_role("heading", level=1, name=nl("It is busy right now"))).to_have_count(0)
    assert PracticeSession.objects.get(facilitator=facilitator).listening_moment == MOMENT
