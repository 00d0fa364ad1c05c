"""A learner who cannot meet finishes the demo course in writing alone (issue 20).

The demo course asks two observed rounds as listener for its certificate. Dewi cannot
meet her fellow learners, so she practises only in writing: she signs up for the
course's two written activities, agrees to the practice agreement, listens in one
written round of each (her fellow learners, set up through the real services, speak
and observe), and ends each conversation; a written round counts once it is closed.
Everything else the course asks (lessons, knowledge checks, approved reflections) is
done through the services beforehand. After her second written round, "Mijn
certificaten" shows her certificate: settings.test runs tasks at once, so it is
issued within the request that made it due. Screens are scanned with axe-core at
1280 and 390 px.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.certificates.helpers import complete_course
from tests.factories import CohortFactory, EnrolmentFactory, TrainerFactory, UserFactory
from tests.practice.factories import answers_for
from training.accounts.services import user_email_mark_verified
from training.assessments.models import ReflectionAssignmentPage
from training.assessments.reflections import services as reflection_services
from training.certificates.models import Certificate
from training.courses.models import CoursePage
from training.demo.seed import courses_seed
from training.practice import services
from training.practice.demo import practice_course_seed

pytestmark = pytest.mark.browser

WRITTEN = ["schriftelijk-oefenen-luisteren", "schriftelijk-oefenen-grenzen"]
REFLECTION = " ".join(
    ["In mijn eerste groep zei ik weinig. Iemand vroeg wat ik nodig had en wachtte rustig."] * 6
)
SPEAKER_OPENS = "Mijn werkgever wil dat ik minder ga werken. Wat zou jij doen?"
DEWI_LISTENS = "Je staat voor een moeilijke keuze. Wat vind jij zelf het belangrijkst?"
PRACTICE_RULE = "Oefenrondes als luisteraar met een ontvangen observatie"


@pytest.fixture
def demo_course():
    courses_seed()
    course = CoursePage.objects.get(slug="basiscursus-gespreksbegeleiding")
    activities = practice_course_seed(course=course)
    trainer = TrainerFactory(display_name="Tessa Trainer")
    cohort = CohortFactory(course=course, name="Najaarsgroep Zwolle", trainers=[trainer])
    people = []
    for email, name in [
        ("dewi@example.org", "Dewi Pranoto"),
        ("eelco@example.org", "Eelco Smit"),
        ("fenna@example.org", "Fenna Bos"),
    ]:
        user = UserFactory(email=email, display_name=name)
        user_email_mark_verified(user)
        people.append(EnrolmentFactory(learner=user, cohort=cohort))
    dewi = people[0]
    for enrolment in people:  # the modules unlock in order, for everyone
        complete_course(enrolment)
    # Every reflection, only for the trainer; Dewi's approved.
    for assignment in ReflectionAssignmentPage.objects.descendant_of(course).live():
        for enrolment in people:
            submission = reflection_services.submission_get_or_create(
                enrolment=enrolment, assignment=assignment
            )
            reflection_services.submission_submit(
                submission=submission, text=REFLECTION, audience="trainer"
            )
            if enrolment == dewi:
                reflection_services.submission_decide(
                    submission=submission, trainer=trainer, approve=True
                )
    return {"course": course, "cohort": cohort, "people": people, "activities": activities}


def test_a_learner_who_cannot_meet_finishes_the_demo_course_in_writing(
    new_page, live_server, check_screen, demo_course
):
    dewi, eelco, fenna = demo_course["people"]
    cohort = demo_course["cohort"]
    activities = [demo_course["activities"][slug] for slug in WRITTEN]
    mine = reverse("certificates:mine")
    page = log_in(new_page, live_server, dewi.learner, mine)
    rule = page.locator(".rules-list__item").filter(has_text=PRACTICE_RULE)
    expect(rule).to_contain_text("0 van 2 oefenrondes als luisteraar geobserveerd")
    assert not Certificate.objects.exists()

    for number, activity in enumerate(activities, start=1):
        # Dewi signs up for the written activity; her fellow learners too.
        page.goto(activity.url)
        expect(page.locator("#main")).to_contain_text("Oefen dan schriftelijk")
        page.get_by_label(f"{nl('Tuesday')} {nl('evening')}").check()
        page.get_by_role("button", name=nl("Sign up to practise")).click()
        for other in (eelco, fenna):
            services.practice_opt_in(activity=activity, enrolment=other, slots=["1-evening"])
        [group] = services.practice_groups_form(activity=activity, cohort=cohort)
        for member in group.members.exclude(enrolment=dewi):
            services.practice_agree(member=member)

        # She agrees, and goes to the round in which she listens.
        page.goto(activity.url)
        page.get_by_role("link", name=nl("Go to your practice group")).click()
        page.get_by_role("checkbox").check()
        page.get_by_role("button", name=nl("I agree")).click()
        listening = group.rounds.get(listener__enrolment=dewi)
        services.written_turn_add(
            practice_round=listening, author=listening.speaker, text=SPEAKER_OPENS
        )
        page.get_by_role("link", name=nl("Round %(number)s") % {"number": listening.number}).click()
        expect(page.locator("ol.turns")).to_contain_text(SPEAKER_OPENS)
        page.get_by_label(nl("Your turn")).fill(DEWI_LISTENS)
        page.get_by_role("button", name=nl("Send")).click()
        expect(page.locator("ol.turns li")).to_have_count(2)
        [observer] = services.round_observers(listening)
        services.observation_submit(
            practice_round=listening, observer=observer, answers=answers_for(activity)
        )

        # Observed, but the conversation is still open: it does not count yet.
        page.goto(mine)
        expect(rule).to_contain_text(f"{number - 1} van 2 oefenrondes als luisteraar geobserveerd")
        page.go_back()
        page.get_by_role("button", name=nl("End the conversation")).click()
        expect(page.locator("#conversation")).to_contain_text(
            nl("The conversation is closed. Now fill in the forms below.")
        )
        if number == 1:
            check_screen(page, "written-round-closed")
            page.goto(mine)
            expect(rule).to_contain_text("1 van 2 oefenrondes als luisteraar geobserveerd")

    # The second closed conversation was the last thing missing: the certificate is there.
    page.goto(mine)
    main = page.get_by_role("main")
    course = demo_course["course"]
    card = main.get_by_role("region", name=course.title)
    expect(card).to_have_count(1)
    expect(card.locator(".badge")).to_have_text("Geldig")
    certificate = Certificate.objects.get(learner=dewi.learner)
    expect(card).to_contain_text(certificate.display_code)
    check_screen(page, "my-certificates")
    # Nothing live: every round Dewi took part in was written.
    assert set(dewi.practice_memberships.values_list("activity__mode", flat=True)) == {"written"}
