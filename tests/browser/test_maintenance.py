"""Maintenance mode in a real browser: text typed while the site is being updated stays
on the device, the editor says so calmly, and it is saved by itself once maintenance ends.
The maintenance page itself is checked with axe at 1280 and 390 px."""

import time

import pytest
from playwright.sync_api import expect

from tests.browser.test_reflections_journey import SAVE_WAIT, SAVED_AT, log_in, nl
from tests.factories import reflection_cohort
from training.accounts.services import user_email_mark_verified
from training.assessments.models import Submission
from training.operations.maintenance import maintenance_end, maintenance_start

pytestmark = pytest.mark.browser

FIRST = "In de groep vertelde ik voor het eerst over mijn diagnose."
MORE = " Terwijl de site even dicht was, schreef ik verder over die avond."
STORED = "key => JSON.parse(localStorage.getItem(key))"


@pytest.fixture
def switch(settings, tmp_path):
    settings.MAINTENANCE_FILE = tmp_path / "maintenance"
    yield
    maintenance_end()


@pytest.fixture
def learner():
    assignment, (enrolment,) = reflection_cohort(learners=1, min_words=5)
    user_email_mark_verified(enrolment.learner)
    return enrolment, assignment


def _server_text(enrolment, assignment):
    return Submission.objects.get(enrolment=enrolment, assignment=assignment).latest_version().text


def test_text_typed_during_maintenance_is_saved_once_it_ends(
    new_page, live_server, learner, switch, check_screen
):
    enrolment, assignment = learner
    page = log_in(new_page, live_server, enrolment.learner, assignment.url)
    editor = page.get_by_label(nl("Your text"))
    status = page.locator("[data-save-status]")
    editor.fill(FIRST)
    expect(status).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    submission = Submission.objects.get(enrolment=enrolment, assignment=assignment)

    maintenance_start(retry_after=2)
    answers = []  # (status, seconds) of every autosave answer
    page.on(
        "response",
        lambda r: "/opslaan/" in r.url and answers.append((r.status, time.monotonic())),
    )
    editor.press("Control+End")
    editor.press_sequentially(MORE)
    waiting = page.locator("form[data-reflection-editor]").get_attribute("data-msg-maintenance")
    expect(status).to_have_text(waiting, timeout=SAVE_WAIT)
    expect(status).to_have_attribute("data-state", "waiting")
    assert answers[0][0] == 503
    assert page.evaluate(STORED, f"reflection:{submission.public_id}")["text"] == FIRST + MORE
    assert _server_text(enrolment, assignment) == FIRST

    other = new_page()  # another browser: this tab stays in front, its retries on time
    response = other.goto(assignment.url)
    assert response.status == 503
    assert response.headers["retry-after"] == "2"
    expect(other.get_by_role("heading", level=1)).to_have_text(nl("We are working on the site"))
    check_screen(other, "maintenance")
    other.close()
    for _ in range(60):  # the editor asks again after Retry-After: wait for a second refusal
        if sum(status == 503 for status, _moment in answers) >= 2:
            break
        page.wait_for_timeout(250)

    maintenance_end()
    expect(status).to_have_text(SAVED_AT, timeout=SAVE_WAIT)  # tried again by itself
    assert _server_text(enrolment, assignment) == FIRST + MORE
    # Sent again after the Retry-After the server named (2 s), not sooner, not backing off.
    refused = [moment for status, moment in answers if status == 503]
    gaps = [later - earlier for earlier, later in zip(refused, refused[1:], strict=False)]
    assert gaps, answers
    assert all(gap > 1.5 for gap in gaps), gaps
    assert answers[-1][0] == 200
