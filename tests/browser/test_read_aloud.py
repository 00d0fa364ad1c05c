"""Read aloud ("Lees voor", issue 27): lessons, assignment texts and practice instructions
read with the browser's own speech synthesis, tried with a stubbed speechSynthesis.

The stub records what the page hands it (text, language, voice, speed) and lets the
test say when a sentence has been spoken; it never makes a sound. Where a browser
has no speech synthesis, nothing is offered.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import nl
from tests.factories import LessonPageFactory, ModulePageFactory, build_course, paragraph_block

pytestmark = pytest.mark.browser

SPEECH_STUB = """
(() => {
  const record = { spoken: [], calls: [], current: null };
  window.__speech = record;
  class FakeUtterance {
    constructor(text) {
      Object.assign(this, { text, lang: "", rate: 1, voice: null });
      this.onstart = this.onend = this.onerror = null;
    }
  }
  const synth = {
    getVoices: () => [{ name: "Samantha", lang: "en-US" }, { name: "Xander", lang: "nl-NL" }],
    speak(u) {
      record.spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.name });
      record.current = u;
      setTimeout(() => u.onstart && u.onstart({}), 0);
    },
    pause() { record.calls.push("pause"); },
    resume() { record.calls.push("resume"); },
    cancel() {
      record.calls.push("cancel");
      const u = record.current;
      record.current = null;
      if (u && u.onerror) u.onerror({ error: "interrupted" });
    },
  };
  window.__finishSentence = () => {
    const u = record.current;
    record.current = null;
    if (u && u.onend) u.onend({});
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = FakeUtterance;
})();
"""
NO_SPEECH = """
Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
Object.defineProperty(window, "SpeechSynthesisUtterance", { value: undefined, configurable: true });
"""

HEADING = "Waarom samenvatten werkt"
FIRST = "Een samenvatting laat zien dat je hebt gehoord wat iemand zei."
SECOND = "Houd het kort, in je eigen woorden."
THIRD = "Vraag daarna door."


@pytest.fixture
def lesson():
    course = build_course(modules=0, lessons_per_module=0)
    module = ModulePageFactory(parent=course, title="Luisteren")
    return LessonPageFactory(
        parent=module,
        title="Samenvatten zonder oordeel",
        body=[
            {"type": "heading", "value": {"text": HEADING, "level": "h2"}, "id": "h1"},
            paragraph_block(f"<p>{FIRST} {SECOND}</p><ul><li>{THIRD}</li></ul>"),
        ],
    )


def spoken(page):
    return page.evaluate("window.__speech.spoken")


def highlighted(page):
    return page.evaluate(
        "() => { const h = CSS.highlights.get('read-aloud');"
        " return h ? [...h].map(range => range.toString()) : []; }"
    )


def test_a_lesson_is_read_aloud_sentence_by_sentence_by_keyboard(page, lesson, check_screen):
    page.context.add_init_script(SPEECH_STUB)
    page.goto(lesson.url)
    controls = page.get_by_role("group", name=nl("Read aloud"))
    expect(controls).to_be_visible()
    check_screen(page, "lesson-read-aloud")
    toggle = controls.get_by_role("button", name=nl("Read aloud"))

    toggle.focus()
    page.keyboard.press("Enter")
    expect(controls.get_by_role("button", name=nl("Pause"))).to_be_focused()
    assert spoken(page) == [{"text": HEADING, "lang": "nl-NL", "rate": 1, "voice": "Xander"}]
    page.wait_for_function("CSS.highlights.has('read-aloud')")
    assert highlighted(page) == [HEADING]

    page.evaluate("window.__finishSentence()")
    assert [s["text"] for s in spoken(page)] == [HEADING, FIRST]
    assert highlighted(page) == [FIRST]

    # Pause and continue, by keyboard, on the same button.
    page.keyboard.press("Enter")
    assert page.evaluate("window.__speech.calls").count("pause") == 1
    expect(controls.get_by_role("button", name=nl("Continue"))).to_be_focused()
    expect(controls.locator("[data-read-aloud-status]")).to_have_text(nl("Reading paused."))
    page.keyboard.press(" ")
    assert page.evaluate("window.__speech.calls")[-1] == "resume"
    expect(controls.get_by_role("button", name=nl("Pause"))).to_be_focused()

    # Faster: the sentence being read starts again at the new speed.
    controls.get_by_label(nl("Speed")).select_option("1.25")
    assert spoken(page)[-1] == {"text": FIRST, "lang": "nl-NL", "rate": 1.25, "voice": "Xander"}

    page.evaluate("window.__finishSentence()")
    page.evaluate("window.__finishSentence()")
    page.evaluate("window.__finishSentence()")
    # Every sentence of the lesson text, in order; nothing of the page around it.
    assert [s["text"] for s in spoken(page)] == [HEADING, FIRST, FIRST, SECOND, THIRD]
    expect(controls.get_by_role("button", name=nl("Read aloud"))).to_be_visible()
    expect(controls.locator("[data-read-aloud-status]")).to_have_text(nl("Finished reading aloud."))
    assert highlighted(page) == []


def test_stop_ends_the_reading_and_keeps_the_focus(page, lesson, axe):
    page.context.add_init_script(SPEECH_STUB)
    page.goto(lesson.url)
    controls = page.get_by_role("group", name=nl("Read aloud"))
    controls.get_by_role("button", name=nl("Read aloud")).click()
    stop = controls.get_by_role("button", name=nl("Stop"))
    stop.focus()
    axe(page)
    page.keyboard.press("Enter")
    expect(stop).to_be_hidden()
    expect(controls.get_by_role("button", name=nl("Read aloud"))).to_be_focused()
    assert page.evaluate("window.__speech.calls")[-1] == "cancel"
    assert highlighted(page) == []
    # Escape stops too.
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(controls.get_by_role("button", name=nl("Read aloud"))).to_be_focused()


def test_in_an_english_interface_the_dutch_lesson_is_read_with_a_dutch_voice(
    new_page, live_server, lesson
):
    page = new_page()
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.context.add_init_script(SPEECH_STUB)
    page.goto(lesson.url)
    page.get_by_role("group", name="Read aloud").get_by_role("button", name="Read aloud").click()
    assert spoken(page)[0] == {"text": HEADING, "lang": "nl-NL", "rate": 1, "voice": "Xander"}


def test_nothing_is_offered_without_speech_synthesis(page, lesson):
    page.context.add_init_script(NO_SPEECH)
    page.goto(lesson.url)
    expect(page.get_by_text(FIRST)).to_be_visible()
    expect(page.locator("[data-read-aloud]")).to_be_hidden()
    expect(page.get_by_role("button", name=nl("Read aloud"))).to_have_count(0)


def test_assignment_and_practice_texts_are_read_aloud(page, check_screen):
    from tests.factories import ReflectionAssignmentPageFactory
    from tests.practice.factories import PracticeActivityPageFactory

    course = build_course(modules=0, lessons_per_module=0)
    module = ModulePageFactory(parent=course, title="Luisteren")
    assignment = ReflectionAssignmentPageFactory(
        parent=module, prompt="<p>Schrijf over een moment waarop iemand echt naar je luisterde.</p>"
    )
    activity = PracticeActivityPageFactory(
        parent=module, instructions="<p>Je oefent met z'n drieën. Iedereen luistert een keer.</p>"
    )
    page.context.add_init_script(SPEECH_STUB)

    page.goto(assignment.url)
    page.get_by_role("group", name=nl("Read aloud")).get_by_role(
        "button", name=nl("Read aloud")
    ).click()
    texts = [s["text"] for s in spoken(page)]
    assert texts == [nl("The assignment")]
    for _ in range(3):
        page.evaluate("window.__finishSentence()")
    texts = [s["text"] for s in spoken(page)]
    assert "Schrijf over een moment waarop iemand echt naar je luisterde." in texts
    check_screen(page, "assignment-read-aloud")

    page.goto(activity.url)
    page.get_by_role("group", name=nl("Read aloud")).get_by_role(
        "button", name=nl("Read aloud")
    ).click()
    page.evaluate("window.__finishSentence()")
    page.evaluate("window.__finishSentence()")
    texts = [s["text"] for s in spoken(page)]
    assert texts[:3] == [
        nl("How it works"),
        "Je oefent met z'n drieën.",
        "Iedereen luistert een keer.",
    ]
    check_screen(page, "practice-read-aloud")


def test_a_learner_hears_their_own_submitted_reflection_on_their_own_page(new_page, live_server):
    from tests.browser.conftest import log_in
    from tests.factories import REFLECTION_TEXT, reflection_cohort, submitted_reflection
    from training.accounts.services import user_email_mark_verified

    assignment, [own, other] = reflection_cohort(learners=2)
    submitted_reflection(enrolment=own, assignment=assignment)
    user_email_mark_verified(own.learner)
    page = log_in(new_page, live_server, own.learner, assignment.url)
    page.context.add_init_script(SPEECH_STUB)
    page.reload()
    mine = page.locator("#reflection").get_by_role("group", name=nl("Read aloud"))
    mine.get_by_role("button", name=nl("Read aloud")).click()
    page.evaluate("window.__finishSentence()")
    first, second = REFLECTION_TEXT.split(". ", 1)
    assert [s["text"] for s in spoken(page)] == [first + ".", second]
