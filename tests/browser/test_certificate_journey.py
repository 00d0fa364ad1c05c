"""A brand-new learner earns a certificate, and the trainer's approval is the last step.

Issue 8: when the last missing rule is the trainer approving the learner's
reflection (the usual order: the trainer reviews last), the certificate has
to appear without anyone running a command. Noor signs up, verifies her
email, joins by invite, completes both lessons (one with a knowledge
check), submits a reflection shared with her fellow learners and gives the
one piece of feedback she owes. Her fellow learner Bram (set up through the
real services) reviews her reflection. Before the trainer decides, "Mijn
certificaten" shows no certificate and says what is missing; then the
trainer approves the reflection in the Wagtail admin and Noor, reloading
"Mijn certificaten", sees her certificate with its verification link.

Settings.test runs background tasks at once (ImmediateBackend), so a
certificate that is due is issued within the request that made it due, and
the live server's emails land in `django.core.mail.outbox`.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import formats, translation
from django.utils.text import capfirst
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.factories import (
    CatalogPageFactory,
    CohortFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    ReflectionAssignmentPageFactory,
    TrainerFactory,
    UserFactory,
    knowledge_check_block,
    paragraph_block,
    submitted_reflection,
)
from training.accounts.services import user_email_mark_verified
from training.assessments.models import Submission
from training.assessments.reflections import services as reflection_services
from training.assessments.reflections.allocation import peer_review_claim
from training.certificates.models import Certificate
from training.certificates.rules import enabled_rules
from training.certificates.selectors import verification_path
from training.courses.pillars import Pillar

pytestmark = pytest.mark.browser

COURSE = "Een lotgenotengroep begeleiden: de basis"
COHORT = "Najaarsgroep Amersfoort"
ASSIGNMENT = "Gehoord worden"
EMAIL = "noor.jansen@example.org"
NAME = "Noor Jansen"
NEW_PASSWORD = "fietsbel-lantaarn-27"
QUESTION = "Wat doe je als een deelnemer zijn verhaal vertelt?"
RIGHT = ("Eerst luisteren en samenvatten", True, "Ja: zo voelt iemand zich gehoord.")
WRONG = ("Meteen een oplossing aandragen", False, "Liever niet: eerst luisteren.")
PEER_TEXT = (
    "Wat mij raakte was dat niemand me onderbrak. Ik mocht mijn hele verhaal "
    "vertellen en daarna vatte iemand samen wat ze had gehoord."
)
LEARNER_TEXT = (
    "In mijn eerste groepsavond zei ik bijna niets. Een andere deelnemer vroeg "
    "wat ik nodig had en wachtte rustig op mijn antwoord."
)

# What Noor reads on "Mijn certificaten" and her dashboard, in Dutch as she sees it.
MY_CERTIFICATES = "Mijn certificaten"
NONE_YET = (
    "Je hebt nog geen certificaten. Als je aan de eisen van een cursus voldoet, "
    "verschijnt je certificaat hier."
)
ON_THE_WAY = "Op weg naar een certificaat"
RULES_INTRO = "Je krijgt je certificaat als je aan alle eisen hieronder voldoet."
LESSONS_RULE = "Alle lessen afgerond"
CHECKS_RULE = "Alle kennisvragen goed beantwoord"
REFLECTIONS_RULE = "Verplichte reflecties goedgekeurd door een trainer"
PEER_REVIEWS_RULE = "Verplichte feedback aan medecursisten gegeven"
CERTIFIED = "Gecertificeerd"


def nl_date(day):
    with translation.override("nl"):
        return formats.date_format(day, "j F Y")


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def world():
    """One module (two lessons, one with a check, and a peer-reviewed reflection), a trainer
    and one fellow learner who has already submitted a reflection shared with peers."""
    course = CoursePageFactory(
        parent=CatalogPageFactory(), title=COURSE, certificate_validity_years=3
    )
    module = ModulePageFactory(
        parent=course, title="Luisteren en samenvatten", pillar=Pillar.LISTENING
    )
    check_lesson = LessonPageFactory(
        parent=module,
        title="Eerst luisteren",
        body=[
            paragraph_block("<p>Je ervaring helpt, als je eerst luistert.</p>"),
            knowledge_check_block(question=QUESTION, options=[RIGHT, WRONG]),
        ],
    )
    practice_lesson = LessonPageFactory(parent=module, title="Samenvatten oefenen")
    assignment = ReflectionAssignmentPageFactory(
        parent=module,
        title=ASSIGNMENT,
        min_words=10,
        reviews_per_learner=1,
        reviews_per_submission=1,
    )
    # The default rules, and only those: the test is about the reflection rule coming last.
    assert [rule.field for rule in enabled_rules(course)] == [
        "require_all_lessons",
        "require_knowledge_checks",
        "require_reflections_approved",
        "require_peer_reviews_given",
    ]

    trainer = TrainerFactory(display_name="Tessa Trainer")
    user_email_mark_verified(trainer)
    cohort = CohortFactory(course=course, name=COHORT, trainers=[trainer])
    peer = UserFactory(display_name="Bram Hoekstra")
    user_email_mark_verified(peer)
    peer_enrolment = EnrolmentFactory(learner=peer, cohort=cohort)
    submitted_reflection(enrolment=peer_enrolment, assignment=assignment, text=PEER_TEXT)
    return {
        "course": course,
        "cohort": cohort,
        "check_lesson": check_lesson,
        "practice_lesson": practice_lesson,
        "assignment": assignment,
        "trainer": trainer,
        "peer": peer,
    }


def sign_up_and_verify(page, live_server):
    page.goto("/account/signup/")
    page.get_by_label(nl("Your name")).fill(NAME)
    page.get_by_label(nl("Email"), exact=True).fill(EMAIL)
    page.get_by_label(nl("Password"), exact=True).fill(NEW_PASSWORD)
    page.get_by_label(nl("Password (again)")).fill(NEW_PASSWORD)
    page.get_by_role("button", name=nl("Sign Up")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Verify Your Email Address"))
    [message] = [m for m in mail.outbox if m.to == [EMAIL]]
    link = re.search(r"https?://\S+/account/confirm-email/\S+", message.body)
    assert link, message.body
    page.goto(path_of(link.group()))
    page.get_by_role("button", name=nl("Confirm")).click()
    expect(page).to_have_url(live_server.url + "/mijn/")


def peer_reviews(*, reviewer, assignment, cohort):
    """The fellow learner claims the next reflection and gives feedback, through the services."""
    review = peer_review_claim(reviewer=reviewer, assignment=assignment, cohort=cohort)
    assert review is not None, "nothing for the fellow learner to review"
    rubric = {
        str(c.key): {"score": 3} if c.kind == c.Kind.SCALE else {"comment": ""}
        for c in assignment.rubric_criteria.all()
    }
    return reflection_services.review_submit(
        review=review,
        reviewer=reviewer,
        summary="Ik lees dat je eerst weinig zei en dat rustig wachten je hielp.",
        question="Wat betekende dat wachten voor jou?",
        rubric=rubric,
    )


def rule_item(page, label):
    return page.locator(".rules-list__item").filter(has_text=label)


def done_or_not(label, state):
    """A rule's label and its state as a screen reader reads it ("…: klaar" / "…: nog niet")."""
    return re.compile(rf"{re.escape(label)}\s*:\s*{state}\b")


def test_trainer_approval_as_last_step_gives_the_certificate(
    new_page, live_server, axe, screenshot, world
):
    course, cohort, assignment = world["course"], world["cohort"], world["assignment"]
    check_lesson, practice_lesson = world["check_lesson"], world["practice_lesson"]
    mine_path = reverse("certificates:mine")

    # 1. Noor signs up, verifies her email and joins by the trainer's invite link.
    page = new_page()
    sign_up_and_verify(page, live_server)
    page.goto(f"/mijn/uitnodiging/{cohort.invite_token}/")
    page.get_by_role("button", name="Doe mee met deze cursus").click()
    expect(page).to_have_url(live_server.url + course.url)
    learner = get_user_model().objects.get(email=EMAIL)

    # 2. Both lessons: the knowledge check answered right, the other marked done.
    page.goto(check_lesson.url)
    check = page.get_by_role("group", name=QUESTION)
    check.get_by_role("radio", name=RIGHT[0]).check()
    page.get_by_role("button", name=nl("Check my answer")).click()
    expect(page.get_by_role("status").filter(has_text="Goed!")).to_be_visible()
    expect(page.get_by_text(nl("You have completed this lesson."))).to_be_visible()
    page.goto(practice_lesson.url)
    page.get_by_role("button", name=nl("Mark as done")).click()
    expect(page.get_by_text(nl("You have completed this lesson."))).to_be_visible()

    page.goto("/mijn/")
    summary = page.get_by_role("region", name=course.title).locator(".certificate-summary")
    still_open = summary.locator(".rules-list__item--open strong")
    expect(still_open).to_have_text([REFLECTIONS_RULE, PEER_REVIEWS_RULE])

    # 3. Her reflection, shared with fellow learners; then the feedback she owes.
    page.goto(assignment.url)
    page.get_by_label(nl("Your text")).fill(LEARNER_TEXT)
    page.get_by_role("radio", name=capfirst(nl("trainer and fellow learners"))).check()
    page.get_by_role("button", name=nl("Submit reflection")).click()
    expect(page.get_by_role("status")).to_contain_text(
        nl("Your reflection has been submitted. Thank you for sharing it.")
    )
    page.get_by_role("button", name=nl("Give feedback to a fellow learner")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Feedback for a fellow learner"))
    expect(page.locator(".peer-text .reflection-text")).to_have_text(PEER_TEXT)
    page.get_by_label(nl("This is what I read in your story")).fill(
        "Ik lees dat niemand je onderbrak en dat iemand samenvatte wat je vertelde."
    )
    page.get_by_label(nl("My question to you")).fill("Hoe was het om gehoord te worden?")
    page.get_by_role("group", name="Vat samen wat je las").get_by_role(
        "radio", name="3 · Grotendeels"
    ).check()
    page.get_by_role("button", name=nl("Send feedback")).click()
    expect(page.get_by_role("status")).to_contain_text(
        nl("Thank you! Your feedback has been sent to your fellow learner.")
    )
    expect(page.locator("#peer-review")).to_contain_text(
        nl("Feedback given: %(given)s of %(required)s") % {"given": 1, "required": 1}
    )

    # 4. Bram, her fellow learner, gives feedback on hers: now only the trainer is left.
    peer_reviews(reviewer=world["peer"], assignment=assignment, cohort=cohort)
    submission = Submission.objects.get(author=learner, assignment=assignment)
    assert submission.status == Submission.Status.AWAITING_TRAINER

    page.goto("/mijn/")
    expect(still_open).to_have_text([REFLECTIONS_RULE])
    screenshot(page, "dashboard-before-approval")
    page.get_by_role("navigation", name=nl("Main menu")).get_by_role(
        "link", name=MY_CERTIFICATES
    ).click()
    expect(page).to_have_url(live_server.url + mine_path)
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_have_text(MY_CERTIFICATES)
    expect(main.get_by_text(NONE_YET)).to_be_visible()
    expect(main.get_by_role("heading", level=2, name=ON_THE_WAY)).to_be_visible()
    expect(main).to_contain_text(RULES_INTRO)
    for label in (LESSONS_RULE, CHECKS_RULE, PEER_REVIEWS_RULE):
        expect(rule_item(page, label)).to_contain_text(done_or_not(label, "klaar"))
    expect(rule_item(page, REFLECTIONS_RULE)).to_contain_text(
        done_or_not(REFLECTIONS_RULE, "nog niet")
    )
    expect(rule_item(page, REFLECTIONS_RULE)).to_contain_text(f"Nog niet goedgekeurd: {ASSIGNMENT}")
    assert not Certificate.objects.filter(learner=learner).exists()

    # 5. The very last step: the trainer approves Noor's reflection in the admin.
    page_t = log_in(new_page, live_server, world["trainer"], "/beheer/reflecties/")
    page_t.get_by_role("link", name=cohort.name).click()
    queue = page_t.get_by_role("table", name=nl("Reflections, those that need you first"))
    queue.get_by_role("link", name=NAME).click()
    expect(page_t).to_have_url(
        live_server.url + reverse("reflection_queue:submission", args=[submission.public_id])
    )
    expect(page_t.get_by_role("main")).to_contain_text(LEARNER_TEXT)
    outbox_before = len(mail.outbox)
    page_t.get_by_role("radio", name=nl("Approve")).check()
    page_t.get_by_role("button", name=nl("Save decision")).click()
    expect(
        page_t.get_by_text(nl("The reflection is approved. The learner gets an email."))
    ).to_be_visible()

    # 6. Noor reloads "Mijn certificaten": her certificate is there. No command was run.
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(MY_CERTIFICATES)
    shown = " ".join(main.inner_text().split())
    expect(
        main.get_by_text(NONE_YET),
        "No certificate on 'Mijn certificaten' after the trainer approved the last missing "
        f"reflection (issue 8). The page says: {shown}",
    ).to_have_count(0)
    card = main.get_by_role("region", name=COURSE).filter(
        has=page.get_by_role("heading", level=2, name=COURSE, exact=True)
    )
    expect(card).to_have_count(1)
    certificate = Certificate.objects.get(learner=learner)
    expect(card.locator(".badge")).to_have_text("Geldig")
    expect(card).to_contain_text(f"Geldig tot {nl_date(certificate.valid_until)}.")
    expect(card.locator(".meta")).to_have_text(
        f"Uitgegeven op {nl_date(certificate.issued_on)} · code {certificate.display_code}"
    )
    expect(card.get_by_role("link", name=f"Pdf downloaden ({COURSE})")).to_be_visible()
    link = card.get_by_label("Controlelink")
    expect(link).to_have_value(re.compile(re.escape(verification_path(certificate.code)) + "$"))
    expect(main.get_by_role("heading", name=ON_THE_WAY)).to_have_count(0)
    axe(page)
    screenshot(page, "my-certificates")

    # She was told by email, with the same verification link.
    [issued_mail] = [
        m for m in mail.outbox[outbox_before:] if m.to == [EMAIL] and COURSE in m.subject
    ]
    verification_link = link.input_value()
    assert verification_link in issued_mail.body

    # The dashboard says so too, and the verification link shows a valid certificate.
    page.goto("/mijn/")
    expect(summary.locator(".badge")).to_have_text(CERTIFIED)
    page.goto(path_of(verification_link))
    expect(page.get_by_role("main")).to_contain_text("Geldig certificaat")
    expect(page.get_by_role("main")).to_contain_text(NAME)
