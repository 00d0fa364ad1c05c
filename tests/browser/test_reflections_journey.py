"""A reflection from first word to approval, with three learners and their trainer.

Learner A writes with autosave, loses the network (the text stays on the
device and is saved once back online) and submits for the trainer and fellow
learners; B submits for the trainer only, C for both. B and C each claim a
fellow learner's reflection and give feedback while the listening coach
points out advice and closed questions. A reads the feedback (under a
pseudonym or "een medecursist", never a real name), rates it and sees who
read the reflection. The trainer asks for a revision in the Wagtail admin
(A gets an email with a link and no reflection text), A revises, the trainer
approves.

Each person uses their own browser context (own cookies and localStorage)
and logs in through /account/login/. A's context has Playwright's clock
installed (time runs as usual) so the test can let the autosave delay pass
while offline without sleeping. The learner pages are scanned with
axe-core (WCAG 2.1 A and AA) as a whole; the trainer's admin pages are
scanned whole too, once settled and with our axe-core (see `wait_for_messages`).

The live server runs in a thread of this process with the locmem email
backend and django_tasks' immediate backend (settings.test), so the emails
sent after a decision or feedback land in `django.core.mail.outbox`.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import ngettext
from playwright.sync_api import expect

from tests.browser.conftest import AXE_JS, log_in, nl, wait_for_messages
from tests.factories import reflection_cohort
from training.accounts.services import user_email_mark_verified
from training.assessments.models import PeerReview, Submission
from training.assessments.reflections import coach

pytestmark = pytest.mark.browser

MIN_WORDS = 10
FIRST_PART = (
    "In mijn eerste groepsavond zei ik bijna niets. Een andere deelnemer vroeg "
    "wat ik nodig had en wachtte rustig op mijn antwoord."
)
OFFLINE_PART = " Dat stille wachten gaf me ruimte om te praten."
REVISED_PART = " Ik voelde opluchting, en daarna vooral rust."
TEXT_B = (
    "Ik schrijf dit alleen voor de trainer: in de groep merkte ik dat mijn eigen "
    "verdriet weer bovenkwam toen iemand over haar moeder vertelde."
)
TEXT_C = (
    "Wat mij raakte was dat niemand me onderbrak. Ik mocht mijn hele verhaal "
    "vertellen en daarna vatte iemand samen wat ze had gehoord."
)
ADVICE_SUMMARY = "Je moet vaker zeggen wat je nodig hebt."
LISTENING_SUMMARY = "Ik lees dat je in het begin weinig zei, en dat rustig wachten je hielp."
CLOSED_QUESTION = "Heb je dat later nog eens gevoeld?"
OPEN_QUESTION = "Wat betekende dat wachten voor jou?"
C_QUESTION = "Hoe was het om gehoord te worden?"
REVISION_COMMENT = "Mooi begin. Wat voelde je toen je eindelijk iets zei?"
PSEUDONYM_B = "Zonnebloem"
SAVED_AT = re.compile(r"^Opgeslagen om \d{2}:\d{2}$")
# The editor saves 2 s after typing stops; a loaded CI machine needs more than expect's 5 s.
SAVE_WAIT = 15_000
AUTOSAVE_DELAY_MS = 2000  # PAUSE_DELAY in reflection-editor.js (a pause in typing)
RECORD_ANNOUNCEMENTS = """() => {
    const live = document.querySelector("[data-live]");
    window.announced = [];
    new MutationObserver(() => {
        if (live.textContent) window.announced.push(live.textContent);
    }).observe(live, {childList: true, characterData: true, subtree: true});
}"""


OFFLINE = nl("Offline — your text is kept on this device")
ONLINE = nl("Back online: saving your text.")


def nl_plural(singular, plural, count):
    with translation.override("nl"):
        return ngettext(singular, plural, count)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def group():
    """A cohort of three learners (B with a pseudonym) and a trainer, with one reflection assignment."""
    assignment, enrolments = reflection_cohort(
        learners=3,
        title="Gehoord worden",
        min_words=MIN_WORDS,
        reviews_per_learner=2,
        reviews_per_submission=2,
    )
    names = [("Anouk Verbeek", ""), ("Bram Hoekstra", PSEUDONYM_B), ("Chantal Dijkman", "")]
    learners = []
    for enrolment, (name, pseudonym) in zip(enrolments, names, strict=True):
        learner = enrolment.learner
        learner.display_name, learner.pseudonym = name, pseudonym
        learner.save(update_fields=["display_name", "pseudonym"])
        user_email_mark_verified(learner)
        learners.append(learner)
    cohort = enrolments[0].cohort
    cohort.name = "Najaarsgroep Zwolle"
    cohort.save(update_fields=["name"])
    trainer = cohort.trainers.get()
    trainer.display_name = "Tessa Trainer"
    trainer.save(update_fields=["display_name"])
    user_email_mark_verified(trainer)
    a, b, c = learners
    return {"assignment": assignment, "cohort": cohort, "a": a, "b": b, "c": c, "trainer": trainer}


AXE_VERSION = re.search(r"axe v([\d.]+)", AXE_JS.read_text(encoding="utf-8")[:200]).group(1)


def submit_reflection(page, text, audience):
    editor = page.get_by_label(nl("Your text"))
    editor.fill(text)
    page.get_by_role("radio", name=capfirst(nl(audience))).check()
    page.get_by_role("button", name=nl("Submit reflection")).click()
    expect(page.get_by_role("status")).to_contain_text(
        nl("Your reflection has been submitted. Thank you for sharing it.")
    )
    expect(page.get_by_label(nl("Your text"))).to_have_count(0)


def claim_review(page):
    page.get_by_role("button", name=nl("Give feedback to a fellow learner")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Feedback for a fellow learner"))
    return page.locator(".peer-text .reflection-text").inner_text()


def fill_rubric_and_send(page):
    rubric = page.get_by_role("group", name="Vat samen wat je las")
    rubric.get_by_role("radio", name="3 · Grotendeels").check()
    page.get_by_role("button", name=nl("Send feedback")).click()
    expect(page.get_by_role("status")).to_contain_text(
        nl("Thank you! Your feedback has been sent to your fellow learner.")
    )


def coach_for(page, field_id):
    return page.locator(f'[data-coach-for="{field_id}"]')


def test_reflection_from_draft_through_peer_feedback_to_approval(
    new_page, live_server, axe, screenshot, group
):
    assignment, cohort = group["assignment"], group["cohort"]
    a, b, c, trainer = group["a"], group["b"], group["c"], group["trainer"]

    # 1. A writes; autosave; offline; back online; reload; submit for trainer and peers.
    page_a = log_in(new_page, live_server, a, assignment.url)
    # A controllable clock, to let the autosave delay pass while offline without waiting.
    page_a.clock.install()
    page_a.reload()
    expect(page_a.get_by_role("heading", level=1)).to_have_text(assignment.title)
    editor = page_a.get_by_label(nl("Your text"))
    status = page_a.locator("[data-save-status]")
    expect(editor).to_have_value("")
    axe(page_a)
    screenshot(page_a, "editor-empty")

    editor.fill(FIRST_PART)
    expect(status).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    submission_a = Submission.objects.get(author=a, assignment=assignment)
    assert submission_a.latest_version().text == FIRST_PART

    page_a.evaluate(RECORD_ANNOUNCEMENTS)
    page_a.context.set_offline(True)
    expect(status).to_have_text(OFFLINE)
    editor.press("Control+End")
    editor.press_sequentially(OFFLINE_PART)
    expect(editor).to_have_value(FIRST_PART + OFFLINE_PART)
    storage_key = f"reflection:{submission_a.public_id}"
    stored = page_a.evaluate("key => JSON.parse(localStorage.getItem(key))", storage_key)
    assert stored["text"] == FIRST_PART + OFFLINE_PART
    # The autosave comes due while offline: the page keeps saying so, once.
    page_a.clock.fast_forward(AUTOSAVE_DELAY_MS)
    page_a.clock.fast_forward(1000)
    expect(status).to_have_text(OFFLINE)
    assert page_a.evaluate("() => window.announced") == [OFFLINE]
    assert submission_a.latest_version().text == FIRST_PART

    page_a.context.set_offline(False)
    expect(status).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    page_a.wait_for_function("() => window.announced.length >= 2")
    assert page_a.evaluate("() => window.announced") == [OFFLINE, ONLINE]
    assert submission_a.latest_version().text == FIRST_PART + OFFLINE_PART
    assert page_a.evaluate("key => localStorage.getItem(key)", storage_key) is None
    page_a.reload()
    expect(page_a.get_by_label(nl("Your text"))).to_have_value(FIRST_PART + OFFLINE_PART)
    expect(status).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    # A short loss of connection with nothing to save keeps the reassurance.
    page_a.context.set_offline(True)
    expect(status).to_have_text(OFFLINE)
    page_a.context.set_offline(False)
    expect(status).to_have_text(SAVED_AT, timeout=SAVE_WAIT)
    axe(page_a)
    screenshot(page_a, "editor-draft")

    page_a.get_by_role("radio", name=capfirst(nl("trainer and fellow learners"))).check()
    page_a.get_by_role("button", name=nl("Submit reflection")).click()
    expect(page_a.get_by_role("status")).to_contain_text(
        nl("Your reflection has been submitted. Thank you for sharing it.")
    )
    reflection = page_a.locator("#reflection")
    expect(reflection.get_by_label(nl("Your text"))).to_have_count(0)
    expect(reflection.locator(".reflection-text")).to_have_text(FIRST_PART + OFFLINE_PART)
    expect(reflection).to_contain_text("Je tekst staat nu vast")
    expect(reflection).to_contain_text(nl("trainer and fellow learners"))
    axe(page_a)
    screenshot(page_a, "editor-locked")

    # 2. B submits for the trainer only, C for trainer and fellow learners.
    page_b = log_in(new_page, live_server, b, assignment.url)
    submit_reflection(page_b, TEXT_B, "only the trainer")
    page_c = log_in(new_page, live_server, c, assignment.url)
    submit_reflection(page_c, TEXT_C, "trainer and fellow learners")
    submission_b = Submission.objects.get(author=b, assignment=assignment)
    submission_c = Submission.objects.get(author=c, assignment=assignment)
    assert submission_b.status == Submission.Status.AWAITING_TRAINER
    assert submission_c.status == Submission.Status.IN_REVIEW

    # 3. B (trainer-only, but still a reviewer) claims a reflection; the coach helps.
    read_by_b = claim_review(page_b)
    assert read_by_b.strip() in {FIRST_PART + OFFLINE_PART, TEXT_C}, read_by_b
    review_page = page_b.get_by_role("main")
    # Neither A nor C has a pseudonym: the writer is "een medecursist".
    expect(review_page.get_by_role("heading", level=2).first).to_have_text(
        nl("The reflection of %(name)s") % {"name": nl("a fellow learner")}
    )
    expect(review_page).not_to_contain_text(TEXT_B)
    expect(review_page).not_to_contain_text(a.display_name)
    expect(review_page).not_to_contain_text(c.display_name)

    summary = page_b.get_by_label(nl("This is what I read in your story"))
    question = page_b.get_by_label(nl("My question to you"))
    summary_coach = coach_for(page_b, "id_summary")
    question_coach = coach_for(page_b, "id_question")
    expect(summary_coach).to_have_attribute("aria-live", "polite")
    expect(summary_coach).to_be_empty()
    summary.press_sequentially(ADVICE_SUMMARY)
    expect(summary_coach).to_contain_text(nl("Tip from the listening coach"))
    expect(summary_coach).to_contain_text(nl(coach.RULES[0].hint))
    # The hint also describes the field, so it is read again when the reviewer returns to it.
    expect(summary).to_have_accessible_description(re.compile(re.escape(nl(coach.RULES[0].hint))))
    question.press_sequentially(CLOSED_QUESTION)
    expect(question_coach).to_contain_text(nl("This question can be answered with yes or no."))
    expect(question_coach).to_contain_text(nl(coach.OPEN_QUESTION_SUGGESTION))
    axe(page_b)
    screenshot(page_b, "review-coach")

    summary.fill(LISTENING_SUMMARY)
    question.fill(OPEN_QUESTION)
    expect(summary_coach).to_be_empty()
    expect(question_coach).to_be_empty()
    expect(summary).to_have_accessible_description(
        nl("Summarise in your own words what the writer told. No advice: just what you heard.")
    )
    fill_rubric_and_send(page_b)
    expect(page_b.locator("#peer-review")).to_contain_text(
        nl("Feedback given: %(given)s of %(required)s") % {"given": 1, "required": 2}
    )

    read_by_c = claim_review(page_c)
    # Never their own, never B's trainer-only reflection: for C only A's is left.
    assert read_by_c.strip() == FIRST_PART + OFFLINE_PART, read_by_c
    expect(page_c.get_by_role("main")).not_to_contain_text(TEXT_B)
    page_c.get_by_label(nl("This is what I read in your story")).fill(LISTENING_SUMMARY)
    page_c.get_by_label(nl("My question to you")).fill(C_QUESTION)
    fill_rubric_and_send(page_c)

    reviews = PeerReview.objects.filter(status=PeerReview.Status.SUBMITTED)
    assert not reviews.filter(submission=submission_b).exists()
    assert not any(r.reviewer_id == r.author_id for r in reviews)
    reviewers_of_a = set(reviews.filter(submission=submission_a).values_list("reviewer", flat=True))
    assert c.pk in reviewers_of_a

    # 4. A reads the feedback (no real names), rates it and sees who read the reflection.
    feedback_mail = [m for m in mail.outbox if m.to == [a.email]]
    assert len(feedback_mail) == len(reviewers_of_a), [m.subject for m in mail.outbox]
    detail_path = reverse("reflections:detail", args=[submission_a.public_id])
    assert detail_path in feedback_mail[0].body
    for message in feedback_mail:
        for secret in (FIRST_PART, LISTENING_SUMMARY, b.display_name, c.display_name):
            assert secret not in message.body

    page_a.get_by_role("link", name=nl("Your versions and the feedback you received")).click()
    expect(page_a).to_have_url(live_server.url + detail_path)
    main_a = page_a.get_by_role("main")
    cards = main_a.locator("article.feedback-card")
    expect(cards).to_have_count(len(reviewers_of_a))
    expect(cards.get_by_role("heading", level=4)).to_have_text(
        [
            nl("From %(name)s") % {"name": PSEUDONYM_B if pk == b.pk else nl("a fellow learner")}
            for pk in reviews.filter(submission=submission_a)
            .order_by("submitted_at")
            .values_list("reviewer", flat=True)
        ]
    )
    expect(main_a).to_contain_text(LISTENING_SUMMARY)
    expect(main_a).to_contain_text(OPEN_QUESTION if b.pk in reviewers_of_a else C_QUESTION)
    for learner in (b, c):
        expect(main_a).not_to_contain_text(learner.display_name)
    peers = len(reviewers_of_a)
    read_by = nl_plural("%(n)s fellow learner", "%(n)s fellow learners", peers) % {"n": peers}
    expect(main_a.locator(".read-by")).to_have_text(
        nl("Read by: %(read_by)s.") % {"read_by": read_by}
    )
    axe(page_a)

    card = cards.first
    card.get_by_role("group", name=nl("How helpful was this feedback for you?")).get_by_role(
        "radio", name=nl("Very helpful")
    ).check()
    card.get_by_role("group", name=nl("I felt heard")).get_by_role(
        "radio", name=nl("Completely")
    ).check()
    card.get_by_label(nl("A word of thanks")).fill("Dank je, je vraag zette me aan het denken.")
    card.get_by_role("button", name=nl("Save rating")).click()
    expect(page_a.get_by_role("status")).to_contain_text(
        nl("Thank you. Your fellow learner will see how the feedback landed.")
    )
    card = page_a.locator("article.feedback-card").first
    expect(card.get_by_role("radio", name=nl("Very helpful"))).to_be_checked()
    expect(card.get_by_role("radio", name=nl("Completely"))).to_be_checked()
    expect(card).to_contain_text(nl("Your rating (you can change it)"))
    axe(page_a)
    screenshot(page_a, "detail-rated")

    # 5. The trainer asks for a revision; A revises; the trainer approves.
    queue_index = "/beheer/reflecties/"
    page_t = log_in(new_page, live_server, trainer, queue_index)
    wait_for_messages(page_t)
    axe(page_t)
    page_t.get_by_role("link", name=cohort.name).click()
    expect(page_t).to_have_url(
        live_server.url + reverse("reflection_queue:cohort", args=[cohort.pk])
    )
    queue = page_t.get_by_role("table", name=nl("Reflections, those that need you first"))
    expect(queue.get_by_role("row")).to_have_count(4)  # header + A, B, C
    wait_for_messages(page_t)
    axe(page_t)
    screenshot(page_t, "trainer-queue")

    queue.get_by_role("link", name=a.display_name).click()
    expect(page_t).to_have_url(
        live_server.url + reverse("reflection_queue:submission", args=[submission_a.public_id])
    )
    expect(page_t.get_by_role("main")).to_contain_text(FIRST_PART + OFFLINE_PART)
    wait_for_messages(page_t)
    axe(page_t)
    screenshot(page_t, "trainer-submission")

    outbox_before = len(mail.outbox)
    page_t.get_by_role("radio", name=nl("Ask for a revision")).check()
    page_t.get_by_label(nl("Comment for the learner")).fill(REVISION_COMMENT)
    page_t.get_by_role("button", name=nl("Save decision")).click()
    expect(
        page_t.get_by_text(
            nl("You asked for a revision. The learner gets an email and can write a new version.")
        )
    ).to_be_visible()

    [revision_mail] = mail.outbox[outbox_before:]
    assert revision_mail.to == [a.email]
    assert revision_mail.subject == "[Lotgenoot Academie] " + nl(
        "Your trainer asks you to revise your reflection"
    )
    link = re.search(r"https?://\S+", revision_mail.body)
    assert link and path_of(link.group()) == detail_path, revision_mail.body
    for secret in (FIRST_PART, OFFLINE_PART.strip(), REVISION_COMMENT):
        assert secret not in revision_mail.body

    page_a.goto(path_of(link.group()))
    main_a = page_a.get_by_role("main")
    expect(main_a).to_contain_text(REVISION_COMMENT)
    version_2 = main_a.get_by_role("region", name=nl("Version %(number)s") % {"number": 2})
    expect(version_2).to_contain_text(nl("Draft: not submitted yet."))
    version_2.get_by_role("link", name=nl("Continue writing")).click()
    expect(page_a.locator("#reflection")).to_contain_text(REVISION_COMMENT)
    editor = page_a.get_by_label(nl("Your text"))
    expect(editor).to_be_editable()
    expect(editor).to_have_value(FIRST_PART + OFFLINE_PART)
    expect(
        page_a.get_by_role("radio", name=capfirst(nl("trainer and fellow learners")))
    ).to_be_checked()
    axe(page_a)
    screenshot(page_a, "editor-revision")
    editor.press("Control+End")
    editor.press_sequentially(REVISED_PART)
    page_a.get_by_role("button", name=nl("Submit reflection")).click()
    expect(page_a.get_by_role("status")).to_contain_text(
        nl("Your reflection has been submitted. Thank you for sharing it.")
    )
    expect(page_a.locator("#reflection .reflection-text")).to_have_text(
        FIRST_PART + OFFLINE_PART + REVISED_PART
    )

    page_t.reload()
    expect(page_t.get_by_role("main")).to_contain_text(REVISED_PART.strip())
    outbox_before = len(mail.outbox)
    page_t.get_by_role("radio", name=nl("Approve")).check()
    page_t.get_by_role("button", name=nl("Save decision")).click()
    expect(
        page_t.get_by_text(nl("The reflection is approved. The learner gets an email."))
    ).to_be_visible()
    expect(page_t.get_by_text(nl("This reflection is approved."))).to_be_visible()
    [approved_mail] = mail.outbox[outbox_before:]
    assert approved_mail.to == [a.email]
    assert approved_mail.subject == "[Lotgenoot Academie] " + nl(
        "Your reflection has been approved"
    )
    assert REVISED_PART.strip() not in approved_mail.body

    page_a.goto(detail_path)
    header = page_a.get_by_role("main").locator(".page-header")
    expect(header.locator(".badge")).to_have_text(nl("approved"))
    version_2 = page_a.get_by_role("region", name=nl("Version %(number)s") % {"number": 2})
    expect(version_2).to_contain_text(f"{nl('Your trainer')}: {nl('approved')}")
    axe(page_a)
    screenshot(page_a, "detail-approved")
