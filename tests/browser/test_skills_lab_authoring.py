"""A trainer authors a practice activity in Wagtail's page editor; learners see it.

The trainer signs in to /beheer/ in two steps, adds a practice activity under
a module, fills the instructions, minutes per round, rounds and mode, adds
three observation criteria inline (a count, a scale and an example), and
publishes. An enrolled learner then opens the activity page. A second walk
shows what the practice rule counts on the trainer's screens: the cohort
progress table with its "Oefenrondes" column and the stuck-learner tab with a
learner who waits for a practice group. Every screen is scanned with
axe-core at 1280 and 390 px (screenshots with BROWSER_SCREENSHOT_DIR).
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in as sign_in
from tests.browser.conftest import nl
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ModulePageFactory,
    TrainerFactory,
    UserFactory,
    build_course,
)
from tests.practice.factories import PracticeActivityPageFactory, answers_for
from training.accounts.services import user_email_mark_verified
from training.courses.pillars import Pillar
from training.practice import services
from training.practice.models import PracticeActivityPage, PracticeRequirement

pytestmark = pytest.mark.browser


CRITERIA = [
    ("Open vragen", "count", "open_questions", "Tel elke open vraag."),
    ("Luisterhouding", "scale", "", "1 = afwezig, 4 = volledig aandachtig."),
    ("Een moment om te onthouden", "example", "", "Citeer een zin van de luisteraar."),
]


def test_a_trainer_authors_a_practice_activity_and_the_learner_sees_it(
    new_page, live_server, check_screen
):
    course = build_course(modules=0)
    trainer = TrainerFactory(display_name="Tessa Trainer")  # after the catalogue: its pages
    user_email_mark_verified(trainer)
    module = ModulePageFactory(parent=course, title="Luisteren", pillar=Pillar.LISTENING)
    learner = UserFactory(email="anouk@example.org", display_name="Anouk Verbeek")
    user_email_mark_verified(learner)
    EnrolmentFactory(learner=learner, cohort=CohortFactory(course=course, trainers=[trainer]))

    add_url = reverse(
        "wagtailadmin_pages:add", args=["practice", "practiceactivitypage", module.pk]
    )
    editor = sign_in(new_page, live_server, trainer, add_url)
    editor.locator("#id_title").fill("Luisteren in drietallen")
    instructions = editor.locator('[data-contentpath="instructions"] [contenteditable="true"]')
    instructions.click()
    instructions.type("Oefen in drietallen: vertellen, luisteren en observeren.")
    editor.locator("#id_minutes_per_round").fill("12")
    editor.locator("#id_rounds").fill("3")
    editor.locator("#id_mode").select_option("live")
    for index, (label, kind, measure, help_text) in enumerate(CRITERIA):
        if not editor.locator(f"#id_criteria-{index}-label").count():
            editor.locator("#id_criteria-ADD").click()
        editor.locator(f"#id_criteria-{index}-label").fill(label)
        editor.locator(f"#id_criteria-{index}-help_text").fill(help_text)
        editor.locator(f"#id_criteria-{index}-kind").select_option(kind)
        editor.locator(f"#id_criteria-{index}-measure").select_option(measure)
    publish = editor.locator('button[name="action-publish"]')
    if not publish.is_visible():
        editor.locator("footer [data-w-dropdown-target='toggle']").first.click()
    publish.click()
    expect(editor.locator(".messages")).to_contain_text("Luisteren in drietallen")

    activity = PracticeActivityPage.objects.get(title="Luisteren in drietallen")
    assert activity.live
    assert (activity.minutes_per_round, activity.rounds, activity.mode) == (12, 3, "live")
    assert [(c.label, c.kind, c.measure) for c in activity.criteria.all()] == [
        (label, kind, measure) for label, kind, measure, _help in CRITERIA
    ]
    assert activity.pillar == Pillar.LISTENING

    page = sign_in(new_page, live_server, learner, activity.url)
    main = page.locator("#main")
    expect(main).to_contain_text("Oefen in drietallen: vertellen, luisteren en observeren.")
    for label, *_rest in CRITERIA:
        expect(main).to_contain_text(label)
    expect(page.get_by_role("button", name=nl("Sign up to practise"))).to_be_visible()
    check_screen(page, "learner-activity")


def test_the_trainer_sees_practice_rounds_counted_and_who_waits(
    new_page, live_server, check_screen
):
    trainer = TrainerFactory(display_name="Tessa Trainer")
    user_email_mark_verified(trainer)
    course = build_course(modules=2, lessons_per_module=1)
    module = ModulePageFactory(parent=course, title="Luisteren oefenen", pillar=Pillar.LISTENING)
    activity = PracticeActivityPageFactory(parent=module, title="Luisteren in drietallen")
    PracticeRequirement.objects.create(course=course, listener_rounds=2)
    cohort = CohortFactory(course=course, name="Najaarsgroep Utrecht", trainers=[trainer])
    names = ["Anouk Verbeek", "Bram de Wit", "Chantal Oduya", "Daan Smit"]
    enrolments = [
        EnrolmentFactory(cohort=cohort, learner=UserFactory(display_name=name)) for name in names
    ]
    for enrolment in enrolments[:3]:
        services.practice_opt_in(activity=activity, enrolment=enrolment, slots=["2-evening"])
    [group] = services.practice_groups_form(activity=activity, cohort=cohort)
    for member in group.members.all():
        services.practice_agree(member=member)
    services.practice_group_met_confirm(group=group, member=group.members.first())
    first = group.rounds.get(number=1)
    [observer] = services.round_observers(first)
    services.observation_submit(
        practice_round=first, observer=observer, answers=answers_for(activity)
    )
    services.practice_opt_in(activity=activity, enrolment=enrolments[3], slots=["2-evening"])

    admin = sign_in(new_page, live_server, trainer, reverse("cohorts:progress", args=[cohort.pk]))
    table = admin.get_by_role("table")
    expect(table.get_by_role("columnheader", name=nl("Practice rounds"))).to_be_visible()
    listener = first.listener.enrolment.learner.display_name
    expect(table.get_by_role("row").filter(has_text=listener)).to_contain_text("1/2")
    check_screen(admin, "cohort-progress")

    admin.goto(reverse("reflection_queue:cohort", args=[cohort.pk]) + "#tab-stuck")
    admin.get_by_role("tab", name=nl("Learners who are stuck")).click()
    stuck = admin.locator("#tab-stuck")
    expect(stuck).to_contain_text("Daan Smit")
    expect(stuck).to_contain_text(nl("Waiting for a practice group since %(date)s").split(" %")[0])
    expect(stuck.get_by_role("link", name=nl("Form or adjust the practice groups"))).to_be_visible()
    check_screen(admin, "stuck-learners")
