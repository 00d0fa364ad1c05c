"""The skills lab's written mode in the browser, for groups that cannot meet.

Three learners in a written practice activity: the speaker opens with the
scenario card's voice, the listener answers turn by turn (the listening
coach reacts to advice as they type), the observer reads along and fills
the observation form, the speaker ends the conversation and rates being
heard. The round page is scanned with axe-core at 1280 and 390 px for each
role.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import log_in, nl
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ModulePageFactory,
    UserFactory,
    build_course,
)
from tests.practice.factories import PracticeActivityPageFactory, ScenarioFactory
from training.accounts.services import user_email_mark_verified
from training.practice import services
from training.practice.models import Observation, PracticeRound, SpeakerRating, WrittenTurn

pytestmark = pytest.mark.browser

SPEAKER_OPENS = "Ik zorg al zes jaar voor mijn man en ik ben op."
LISTENER_ADVISES = "Je moet echt hulp vragen bij de gemeente."
LISTENER_SUMMARISES = "Je bent op na zes jaar zorgen. Wat maakt het nu zo zwaar?"


@pytest.fixture
def written_group():
    course = build_course(modules=1, lessons_per_module=1)
    module = ModulePageFactory(parent=course, title="Luisteren")
    activity = PracticeActivityPageFactory(
        parent=module,
        title="Schriftelijk oefenen",
        mode="written",
        scenarios=[ScenarioFactory(title="Een mantelzorger aan het eind van haar krachten")],
    )
    cohort = CohortFactory(course=course)
    enrolments = []
    for index, name in enumerate(["Dewi Pranoto", "Eelco Smit", "Fenna Bos"]):
        user = UserFactory(email=f"schrijf{index}@example.org", display_name=name)
        user_email_mark_verified(user)
        enrolment = EnrolmentFactory(learner=user, cohort=cohort)
        services.practice_opt_in(activity=activity, enrolment=enrolment, slots=["2-evening"])
        enrolments.append(enrolment)
    [group] = services.practice_groups_form(activity=activity, cohort=cohort)
    for member in group.members.all():
        services.practice_agree(member=member)
    return group


def test_a_written_round_from_first_turn_to_observation_and_rating(
    new_page, live_server, check_screen, written_group
):
    first = PracticeRound.objects.get(group=written_group, number=1)
    speaker = first.speaker.enrolment.learner
    listener = first.listener.enrolment.learner
    [observer] = [member.enrolment.learner for member in services.round_observers(first)]
    url = reverse("practice:round", args=[written_group.public_id, 1])

    # The speaker opens the conversation in the voice of the scenario card.
    speaker_page = log_in(new_page, live_server, speaker, url)
    expect(speaker_page.locator("#conversation")).to_contain_text(
        nl("The speaker opens the conversation.")
    )
    check_screen(speaker_page, "written-speaker-opens")
    speaker_page.get_by_label(nl("Your turn")).fill(SPEAKER_OPENS)
    speaker_page.get_by_role("button", name=nl("Send")).click()
    expect(speaker_page.locator("ol.turns")).to_contain_text(SPEAKER_OPENS)

    # The listener answers; the coach notices advice before it is sent.
    listener_page = log_in(new_page, live_server, listener, url)
    expect(listener_page.locator("ol.turns")).to_contain_text(SPEAKER_OPENS)
    box = listener_page.get_by_label(nl("Your turn"))
    box.fill(LISTENER_ADVISES)
    expect(listener_page.locator(".coach")).not_to_be_empty()
    check_screen(listener_page, "written-listener-coach")
    box.fill(LISTENER_SUMMARISES)
    listener_page.get_by_role("button", name=nl("Send")).click()
    expect(listener_page.locator("ol.turns li")).to_have_count(2)
    expect(listener_page.locator("#conversation")).to_contain_text(
        nl("Waiting for the other person's turn. Reload the page to see it.")
    )

    # The observer reads along (no turn of their own) and fills the form.
    observer_page = log_in(new_page, live_server, observer, url)
    expect(observer_page.locator("ol.turns")).to_contain_text(LISTENER_SUMMARISES)
    expect(observer_page.get_by_label(nl("Your turn"))).to_have_count(0)
    expect(observer_page.locator("#conversation")).to_contain_text(
        nl("You read along as observer; fill in the form below.")
    )
    observer_page.get_by_label("Open vragen", exact=True).fill("1")
    observer_page.get_by_label("Gesloten vragen", exact=True).fill("0")
    observer_page.get_by_label("Adviezen", exact=True).fill("0")
    observer_page.get_by_label("Samenvattingen", exact=True).fill("1")
    observer_page.get_by_role("group", name="Luisterhouding").get_by_label("4", exact=True).check()
    observer_page.get_by_label("Een moment om te onthouden").fill("Je bent op na zes jaar zorgen.")
    observer_page.get_by_role("button", name=nl("Save the observation")).click()
    expect(observer_page.locator("#results")).to_contain_text("Je bent op na zes jaar zorgen.")
    check_screen(observer_page, "written-observer")

    # The speaker ends the conversation and says how heard they felt.
    speaker_page.reload()
    speaker_page.get_by_role("button", name=nl("End the conversation")).click()
    expect(speaker_page.locator("#conversation")).to_contain_text(
        nl("The conversation is closed. Now fill in the forms below.")
    )
    speaker_page.get_by_label(nl("4 · completely")).check()
    speaker_page.get_by_label(nl("One sentence about how it was to be listened to")).fill(
        "Ze vatte me goed samen."
    )
    speaker_page.get_by_role("button", name=nl("Save my answer")).click()
    expect(speaker_page.locator("#results")).to_contain_text("4 / 4")
    check_screen(speaker_page, "written-closed")

    first.refresh_from_db()
    assert first.written_closed_at is not None
    assert list(
        WrittenTurn.objects.filter(round=first).order_by("number").values_list("text", flat=True)
    ) == [SPEAKER_OPENS, LISTENER_SUMMARISES]
    assert Observation.objects.filter(round=first).count() == 1
    assert SpeakerRating.objects.get(round=first).felt_heard == 4
