"""Never lose a word, in a real browser: offline typing, two tabs, refused saves.

Each test logs a learner in through the login page (see `log_in`) and
writes in the editor on the assignment page; the server's copy is read from
the database, the device's copy from localStorage. The editor's states that
these tests add (conflict, refused save, earlier versions) are scanned
with axe-core.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.test_reflections_journey import SAVE_WAIT, SAVED_AT, log_in, nl
from tests.factories import reflection_cohort
from training.accounts.services import user_email_mark_verified
from training.assessments.models import Submission
from training.assessments.reflections import errors, services

pytestmark = pytest.mark.browser

FIRST = "In de groep vertelde ik voor het eerst over mijn diagnose."
MORE = " Niemand schrok; iemand knikte alleen."
OTHER_TAB = "In het andere venster schreef ik iets heel anders over die avond."
STALE_TAB = "Dit schreef ik in het oude venster, zonder te weten van het andere."
STORED = "key => JSON.parse(localStorage.getItem(key))"


@pytest.fixture
def learner():
    assignment, (enrolment,) = reflection_cohort(learners=1, min_words=5)
    user_email_mark_verified(enrolment.learner)
    return enrolment, assignment


def _server_text(enrolment, assignment):
    return Submission.objects.get(enrolment=enrolment, assignment=assignment).latest_version().text


def _storage_key(enrolment, assignment):
    submission = Submission.objects.get(enrolment=enrolment, assignment=assignment)
    return f"reflection:{submission.public_id}"


def test_text_typed_offline_comes_back_after_a_reload(new_page, live_server, learner):
    enrolment, assignment = learner
    page = log_in(new_page, live_server, enrolment.learner, assignment.url)
    editor = page.get_by_label(nl("Your text"))
    editor.fill(FIRST)
    expect(page.locator("[data-save-status]")).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    key = _storage_key(enrolment, assignment)

    page.context.set_offline(True)
    editor.press("Control+End")
    editor.press_sequentially(MORE)
    assert page.evaluate(STORED, key)["text"] == FIRST + MORE
    context = page.context
    page.close()  # the tab goes away while offline
    # Its leaving beacon is a keepalive request of the browser, which Chromium's offline
    # emulation does not always hold back (seen on a loaded machine): the server has
    # either the saved text or the whole text, never less.
    arrived = _server_text(enrolment, assignment)
    assert arrived in (FIRST, FIRST + MORE)

    context.set_offline(False)
    page = context.new_page()
    page.goto(assignment.url)
    expect(page.get_by_label(nl("Your text"))).to_have_value(FIRST + MORE)
    if arrived == FIRST:  # the device's copy is put back and saved
        expect(page.locator("[data-save-status]")).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    assert _server_text(enrolment, assignment) == FIRST + MORE
    assert page.evaluate(STORED, key) is None  # the server has it now


def _two_tabs(new_page, live_server, enrolment, assignment, viewport):
    """A saved draft open in two tabs; the first saves newer text, the stale second tab writes."""
    submission = services.submission_get_or_create(enrolment=enrolment, assignment=assignment)
    services.draft_save(submission=submission, text=FIRST, base_revision=0)
    first = log_in(new_page, live_server, enrolment.learner, assignment.url)
    first.set_viewport_size(viewport)
    second = first.context.new_page()
    second.set_viewport_size(viewport)
    second.goto(assignment.url)
    first.get_by_label(nl("Your text")).fill(OTHER_TAB)
    expect(first.locator("[data-save-status]")).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    second.get_by_label(nl("Your text")).fill(STALE_TAB)
    return first, second


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_two_tabs_show_both_texts_and_combining_saves_both(
    new_page, live_server, axe, screenshot, learner, viewport
):
    enrolment, assignment = learner
    _first, page = _two_tabs(
        new_page, live_server, enrolment, assignment, viewport or {"width": 1280, "height": 900}
    )

    box = page.locator("[data-conflict]")
    expect(box).to_be_visible()
    expect(box.get_by_role("alert")).to_have_text(nl(errors.DraftConflict.message))
    expect(box.get_by_role("heading", name=nl("Your text here"))).to_be_visible()
    expect(box.locator("[data-conflict-mine]")).to_have_text(STALE_TAB)
    expect(box.get_by_role("heading", name=nl("Saved in another window"))).to_be_visible()
    expect(box.locator("[data-conflict-theirs]")).to_have_text(OTHER_TAB)
    assert _server_text(enrolment, assignment) == OTHER_TAB  # nothing saved over it
    axe(page)
    name = "phone" if viewport else "desktop"
    screenshot(page, f"conflict-{name}")

    box.get_by_role("button", name=nl("Combine both and edit")).click()
    expect(box).to_be_hidden()
    editor = page.get_by_label(nl("Your text"))
    expect(editor).to_have_value(STALE_TAB + "\n\n" + OTHER_TAB)
    expect(page.locator("[data-save-status]")).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    assert _server_text(enrolment, assignment) == STALE_TAB + "\n\n" + OTHER_TAB

    # Every saved text stays recoverable: the history lists all three.
    page.get_by_role("link", name=nl("Restore an earlier version")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Earlier versions of your text"))
    expect(page.locator(".draft-revision")).to_have_count(3)
    page.locator(".draft-revision details").first.locator("summary").click()
    axe(page)
    screenshot(page, f"history-{name}")
    page.locator("#revision-2").get_by_role("button", name=nl("Restore this version")).click()
    expect(page.get_by_label(nl("Your text"))).to_have_value(OTHER_TAB)
    assert _server_text(enrolment, assignment) == OTHER_TAB


@pytest.mark.parametrize("choice", ["Keep my text", "Use the saved text"])
def test_a_conflict_choice_is_saved_on_top_of_the_newer_revision(
    new_page, live_server, learner, choice
):
    enrolment, assignment = learner
    _first, page = _two_tabs(
        new_page, live_server, enrolment, assignment, {"width": 1280, "height": 900}
    )
    box = page.locator("[data-conflict]")
    expect(box).to_be_visible()

    box.get_by_role("button", name=nl(choice)).click()

    expected = STALE_TAB if choice == "Keep my text" else OTHER_TAB
    expect(box).to_be_hidden()
    expect(page.get_by_label(nl("Your text"))).to_have_value(expected)
    expect(page.locator("[data-save-status]")).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    assert _server_text(enrolment, assignment) == expected


def test_a_refused_save_keeps_the_text_on_screen_and_on_the_device(
    new_page, live_server, axe, screenshot, learner, settings
):
    enrolment, assignment = learner
    page = log_in(new_page, live_server, enrolment.learner, assignment.url)
    editor = page.get_by_label(nl("Your text"))
    status = page.locator("[data-save-status]")
    editor.fill(FIRST)
    expect(status).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    key = _storage_key(enrolment, assignment)

    # The server refuses it (its limit is now lower than the page says): 413.
    settings.REFLECTION_DRAFT_MAX_CHARS = len(FIRST)
    editor.press("Control+End")
    editor.press_sequentially(MORE)
    too_large = page.locator("form[data-reflection-editor]").get_attribute("data-msg-too-large")
    expect(status).to_have_text(too_large)
    expect(editor).to_have_value(FIRST + MORE)
    assert page.evaluate(STORED, key)["text"] == FIRST + MORE
    assert _server_text(enrolment, assignment) == FIRST
    axe(page)
    screenshot(page, "refused-too-long")

    # A character the server cannot save: 400 with its message, the text stays.
    settings.REFLECTION_DRAFT_MAX_CHARS = 100_000
    page.evaluate(
        """() => {
            const editor = document.querySelector("textarea[name=text]");
            editor.value = editor.value + " \\u0000";
            editor.dispatchEvent(new Event("input", {bubbles: true}));
        }"""
    )
    expect(status).to_have_text(nl(errors.InvalidCharacters.message))
    assert page.evaluate(STORED, key)["text"] == FIRST + MORE + " \x00"
    assert _server_text(enrolment, assignment) == FIRST

    # Once the learner changes the text, it is saved again.
    page.evaluate(
        """() => {
            const editor = document.querySelector("textarea[name=text]");
            editor.value = editor.value.replace(" \\u0000", "");
            editor.dispatchEvent(new Event("input", {bubbles: true}));
        }"""
    )
    expect(status).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    assert _server_text(enrolment, assignment) == FIRST + MORE


def test_a_busy_server_is_retried_calmly_with_the_text_kept(new_page, live_server, axe, learner):
    enrolment, assignment = learner
    submission = services.submission_get_or_create(enrolment=enrolment, assignment=assignment)
    page = log_in(new_page, live_server, enrolment.learner, assignment.url)
    busy_answers = []

    def busy_once(route):
        if busy_answers:
            route.continue_()
            return
        busy_answers.append(route.request.url)
        route.fulfill(
            status=503,
            headers={"Retry-After": "1"},
            content_type="application/json",
            body='{"error": "busy", "retry": true}',
        )

    page.route("**/opslaan/", busy_once)
    editor = page.get_by_label(nl("Your text"))
    status = page.locator("[data-save-status]")
    busy = page.locator("form[data-reflection-editor]").get_attribute("data-msg-busy")

    editor.fill(FIRST)

    expect(status).to_have_text(busy, timeout=SAVE_WAIT)
    expect(status).to_have_attribute("data-state", "waiting")
    assert page.evaluate(STORED, f"reflection:{submission.public_id}")["text"] == FIRST
    axe(page)
    expect(status).to_have_text(SAVED_AT, timeout=SAVE_WAIT)  # tried again by itself
    assert len(busy_answers) == 1
    assert _server_text(enrolment, assignment) == FIRST


def test_text_typed_before_the_editor_script_ran_is_saved(new_page, live_server, learner):
    """A slow phone: the learner types before `reflection-editor.js` has run. That text was
    kept on screen but not saved until the next keystroke; now the script saves it."""
    enrolment, assignment = learner
    page = log_in(new_page, live_server, enrolment.learner, "/")
    held = []
    page.route("**/js/reflection-editor*.js", lambda route: held.append(route))
    page.goto(assignment.url, wait_until="commit")  # a deferred script holds back DOMContentLoaded
    page.get_by_label(nl("Your text")).fill(FIRST)  # no script yet: nothing listens
    assert held, "the editor script was requested"
    for route in held:
        route.continue_()
    expect(page.locator("[data-save-status]")).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    assert _server_text(enrolment, assignment) == FIRST


def test_the_editor_saves_after_a_pause_in_typing_and_sends_nothing_unchanged(
    new_page, live_server, learner
):
    """Autosave follows the learner, not a clock: nothing is sent while nothing changed,
    nothing while typing on (the device keeps every keystroke meanwhile), one save after
    the pause, and nothing for a letter typed and taken back."""
    enrolment, assignment = learner
    submission = services.submission_get_or_create(enrolment=enrolment, assignment=assignment)
    services.draft_save(submission=submission, text=FIRST, base_revision=0)
    page = log_in(new_page, live_server, enrolment.learner, assignment.url)
    saves = []
    page.on("request", lambda r: saves.append(r.url) if r.method == "POST" else None)
    editor = page.get_by_label(nl("Your text"))
    key = f"reflection:{submission.public_id}"

    page.wait_for_timeout(5000)  # longer than any delay of the editor's
    assert saves == []  # opened and read: nothing to save

    editor.press("Control+End")
    with page.expect_response(lambda r: r.url.endswith("/opslaan/"), timeout=SAVE_WAIT):
        editor.press_sequentially(MORE, delay=150)  # about 6 s of steady typing
        assert saves == []  # not on a clock while the learner types
        assert page.evaluate(STORED, key)["text"] == FIRST + MORE
    assert len(saves) == 1 and _server_text(enrolment, assignment) == FIRST + MORE

    editor.press("x")
    editor.press("Backspace")
    page.wait_for_timeout(5000)
    assert len(saves) == 1  # back to what the server has: nothing sent
    assert page.evaluate(STORED, key) is None
