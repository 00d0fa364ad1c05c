"""The skills lab in the browser: three learners practise listening in threes.

They opt in with their moments of the week; the trainer forms the group in
the admin; each agrees to the practice agreement; one picks a shared moment
and a place; then three rounds with rotating roles: the observer fills the
observation form, the speaker answers "voelde je je gehoord?", the listener
writes a short self-reflection. Each learner sees their growth chart; the
trainer sees the cohort's and one learner's growth. Every new screen is
scanned with axe-core at 1280 and 390 px (screenshots with
BROWSER_SCREENSHOT_DIR).
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, html_errors, nl, table_roles
from tests.browser.conftest import log_in as sign_in
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ModulePageFactory,
    TrainerFactory,
    UserFactory,
    build_course,
)
from tests.practice.factories import PracticeActivityPageFactory, ScenarioFactory
from training.accounts.services import user_email_mark_verified
from training.practice.models import Observation, PracticeRound, SpeakerRating

pytestmark = pytest.mark.browser


def test_three_learners_practise_listening_and_see_their_growth(
    new_page, live_server, check_screen
):
    trainer = TrainerFactory(display_name="Tessa Trainer")
    user_email_mark_verified(trainer)
    course = build_course(modules=1, lessons_per_module=1)
    module = ModulePageFactory(parent=course, title="Luisteren")
    scenario = ScenarioFactory(title="Een mantelzorger aan het eind van haar krachten")
    activity = PracticeActivityPageFactory(
        parent=module, title="Oefenen in drietallen", scenarios=[scenario]
    )
    cohort = CohortFactory(course=course, name="Najaarsgroep Utrecht", trainers=[trainer])
    names = ["Anouk Verbeek", "Bram de Wit", "Chantal Oduya"]
    learners = []
    for index, name in enumerate(names):
        user = UserFactory(email=f"oefen{index}@example.org", display_name=name)
        user_email_mark_verified(user)
        EnrolmentFactory(learner=user, cohort=cohort)
        learners.append(user)

    # 1. Each learner opts in with their moments of the week.
    pages = {}
    for index, user in enumerate(learners):
        page = sign_in(new_page, live_server, user, activity.url)
        pages[user.pk] = page
        page.get_by_label(f"{nl('Wednesday')} {nl('evening')}").check()
        if index == 0:
            page.get_by_label(f"{nl('Saturday')} {nl('morning')}").check()
            check_screen(page, "activity")
        page.get_by_role("button", name=nl("Sign up to practise")).click()
        if index == 0:
            expect(page.get_by_text(nl("You are the only one signed up so far."), exact=False))
    first = pages[learners[0].pk]
    first.reload()
    expect(first.locator("#opt-in")).to_contain_text(
        nl("You are signed up and waiting for a practice group. Your trainer forms the groups.")
    )

    # 2. The trainer forms the group in the admin.
    admin = sign_in(
        new_page, live_server, trainer, reverse("practice_admin:cohort", args=[cohort.pk])
    )
    admin.get_by_role("button", name=nl("Form groups")).click()
    expect(admin.locator(".messages")).to_contain_text("1")
    check_screen(admin, "admin-cohort")

    # 3. Everyone agrees; one of them sets the meeting.
    for index, user in enumerate(learners):
        page = pages[user.pk]
        page.goto(activity.url)
        page.get_by_role("link", name=nl("Go to your practice group")).click()
        if index == 0:
            expect(page.locator("#main")).to_contain_text(
                nl(
                    "The rounds appear when everyone in the group has agreed to the practice agreement."
                )
            )
            check_screen(page, "group-before")
        page.get_by_role("checkbox").check()
        page.get_by_role("button", name=nl("I agree")).click()
    first.reload()
    first.get_by_role("radio").first.check()
    first.get_by_label(nl("Where do you meet?")).fill("https://meet.jit.si/oefengroep-utrecht")
    first.get_by_role("button", name=nl("Save the meeting")).click()
    expect(first.get_by_role("link", name=nl("Add the meeting to your calendar"))).to_be_visible()
    expect(first.get_by_role("table")).to_contain_text(nl("Round"))
    check_screen(first, "group")
    # The rounds are cards on a phone and still a valid table for a screen reader (issue 27).
    first.set_viewport_size(PHONE)
    assert table_roles(first) == {
        "table": 1,
        "row": 4,
        "columnheader": 5,
        "rowheader": 3,
        "cell": 12,
    }
    assert html_errors(first) == []
    first.set_viewport_size(DESKTOP)

    # 4. Three rounds with rotating roles.
    rounds = list(PracticeRound.objects.filter(group__cohort=cohort).order_by("number"))
    assert len(rounds) == 3
    assert {r.listener.enrolment.learner_id for r in rounds} == {u.pk for u in learners}
    group_url = first.url
    for practice_round in rounds:
        speaker = practice_round.speaker.enrolment.learner
        listener = practice_round.listener.enrolment.learner
        [observer] = [u for u in learners if u.pk not in (speaker.pk, listener.pk)]
        round_url = f"{group_url}ronde/{practice_round.number}/"

        page = pages[observer.pk]
        page.goto(round_url)
        page.get_by_label("Open vragen", exact=True).fill(str(2 + practice_round.number))
        page.get_by_label("Gesloten vragen", exact=True).fill("1")
        page.get_by_label("Adviezen", exact=True).fill("0" if practice_round.number > 1 else "2")
        page.get_by_label("Samenvattingen", exact=True).fill("2")
        page.get_by_role("group", name="Luisterhouding").get_by_label("3", exact=True).check()
        page.get_by_label("Een moment om te onthouden").fill(
            "Ze vroeg: wat betekende dat voor jou?"
        )
        page.get_by_role("button", name=nl("Save the observation")).click()
        if practice_round.number == 1:
            # The meeting is still to come: refused in plain Dutch, and every answer kept.
            expect(page.locator(".error-summary, [role=alert]").first).to_contain_text(
                "Wat je schreef, staat er nog."
            )
            expect(page.get_by_label("Een moment om te onthouden")).to_have_value(
                "Ze vroeg: wat betekende dat voor jou?"
            )
            expect(page.get_by_label("Open vragen", exact=True)).to_have_value("3")
            check_screen(page, "round-before-the-meeting")
            assert not Observation.objects.exists()
            # They met earlier than planned: the observer says so with the save.
            page.get_by_label(nl("We have already met (this counts for the whole group)")).check()
            page.get_by_role("button", name=nl("Save the observation")).click()
        expect(page.locator("#results")).to_contain_text("Ze vroeg: wat betekende dat voor jou?")
        if practice_round.number == 1:
            check_screen(page, "round-observer")

        page = pages[speaker.pk]
        page.goto(round_url)
        page.get_by_label("3 · grotendeels").check()
        page.get_by_label(nl("One sentence about how it was to be listened to")).fill(
            "Ik voelde me gehoord."
        )
        page.get_by_role("button", name=nl("Save my answer")).click()
        expect(page.locator("#results")).to_contain_text("3 / 4")

        page = pages[listener.pk]
        page.goto(round_url)
        page.get_by_label(nl("What went well?")).fill("Ik vatte samen en liet stiltes vallen.")
        page.get_by_label(nl("When did you want to give advice, and what did you do then?")).fill(
            "Bij de huisarts; ik vroeg door."
        )
        page.get_by_role("button", name=nl("Save my reflection")).click()
        expect(page.locator("#results")).to_contain_text("Ik vatte samen")
        if practice_round.number == 1:
            check_screen(page, "round-listener")

    assert Observation.objects.count() == 3 and SpeakerRating.objects.count() == 3
    first.goto(group_url)
    expect(first.get_by_text(nl("done"), exact=True)).to_have_count(3)

    # 5. The growth view, for a learner and for the trainer.
    first.goto(reverse("practice:mine"))
    expect(first.locator("svg.growth-chart")).to_be_visible()
    expect(first.locator("table.growth-table tbody tr")).to_have_count(1)
    check_screen(first, "growth")

    admin.goto(reverse("practice_admin:cohort", args=[cohort.pk]))
    admin.get_by_role("link", name=names[0]).click()
    expect(admin.locator("svg.growth-chart")).to_be_visible()
    check_screen(admin, "admin-learner")
