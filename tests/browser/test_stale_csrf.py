"""A form sent from a tab whose security token went stale keeps what was typed.

Signing in again in another tab gives the browser a new CSRF cookie; the
older tab's form then carries a token that no longer matches. The learner
sees their text again on a Dutch page (axe, 1280 and 390 px) and sends it
with one button.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in as sign_in
from tests.browser.conftest import nl
from tests.factories import EnrolmentFactory
from training.accounts.services import user_email_mark_verified
from training.continuing.models import PracticeSession

pytestmark = pytest.mark.browser

TYPED = "Ik wilde een tip geven, maar vatte eerst samen wat ik hoorde. Daarna bleef het stil."


def test_a_practice_log_entry_from_a_stale_tab_is_shown_again_and_sent(
    new_page, live_server, check_screen, db
):
    learner = EnrolmentFactory().learner
    user_email_mark_verified(learner)
    page = sign_in(new_page, live_server, learner, reverse("continuing:session_new"))
    page.get_by_label(nl("kind of group")).fill("Leven met een chronische pijn, avondgroep")
    page.get_by_label(nl("duration in minutes")).fill("150")
    page.get_by_label(nl("A moment of listening")).fill(TYPED)

    # Another tab signed in again: the browser now holds a new CSRF cookie.
    page.context.add_cookies([{"name": "csrftoken", "value": "N" * 32, "url": live_server.url}])
    page.get_by_role("button", name=nl("Add to my log")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Your form was not sent yet"))
    expect(page.get_by_label(nl("A moment of listening"))).to_have_value(TYPED)
    expect(page.get_by_label(nl("kind of group"))).to_have_value(
        "Leven met een chronische pijn, avondgroep"
    )
    assert not PracticeSession.objects.exists()
    check_screen(page, "stale-token")

    page.get_by_role("button", name=nl("Send again")).click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text(nl("Your form was not sent yet"))
    session = PracticeSession.objects.get(facilitator=learner)
    assert session.listening_moment == TYPED
    assert session.duration_minutes == 150
