"""Whether the course's practice rule can be met with what the course offers, per mode.

Issue 20: the demo course asked 2 observed listener rounds and offered one live and one
written activity; a learner who can only practise in writing could never finish, and no
editor said so. Now the rule's form refuses a rule nobody can meet, and the rule's form
and the practice activity's page editor warn when a mode falls short.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import ModulePageFactory, TrainerFactory, UserFactory, login_with_mfa
from tests.practice.factories import PracticeActivityPageFactory
from training.practice.feasibility import listener_rounds_guaranteed, practice_rules_feasibility
from training.practice.models import PracticeRequirement

pytestmark = pytest.mark.django_db

WRITTEN_SHORT = "Een cursist die alleen schriftelijk kan oefenen, krijgt 1 van de 2 rondes"
LIVE_SHORT = "Een cursist die alleen live oefent, krijgt 1 van de 2 rondes"
REFUSED = "Geen enkele cursist kan aan deze regel voldoen"


@pytest.fixture
def course(activity):
    """The activity fixture's course: one live practice activity (three rounds)."""
    return activity.course


def written_activity(course, **kwargs):
    module = ModulePageFactory(parent=course)
    return PracticeActivityPageFactory(parent=module, mode="written", **kwargs)


def test_each_activity_gives_every_member_one_listener_round_whatever_the_group():
    # Three rounds: one each in a three; a four plays four; a pair plays three (1 and 2).
    assert listener_rounds_guaranteed(rounds=3) == 1
    # Six rounds give a three two rounds each, but two members of a four listen once.
    assert listener_rounds_guaranteed(rounds=6) == 1
    assert listener_rounds_guaranteed(rounds=2) == 1


def test_the_issues_course_can_be_met_only_by_doing_both_modes(course):
    written_activity(course)
    feasibility = practice_rules_feasibility(course=course, required=2)
    assert (feasibility.live.listener_rounds, feasibility.written.listener_rounds) == (1, 1)
    assert feasibility.can_be_met and not feasibility.met_in_every_mode
    [live, written] = feasibility.warnings()
    assert live.startswith(LIVE_SHORT) and written.startswith(WRITTEN_SHORT)


def test_a_second_written_activity_lets_a_learner_finish_in_writing(course):
    written_activity(course)
    written_activity(course)
    feasibility = practice_rules_feasibility(course=course, required=2)
    assert feasibility.met_in(feasibility.written)
    assert [text[: len(LIVE_SHORT)] for text in feasibility.warnings()] == [LIVE_SHORT]


def test_without_a_rule_there_is_nothing_to_meet(course):
    feasibility = practice_rules_feasibility(course=course)
    assert feasibility.required is None and feasibility.can_be_met and not feasibility.warnings()


def test_an_activity_being_edited_counts_with_its_new_mode(course, activity):
    PracticeRequirement.objects.create(course=course, listener_rounds=1)
    assert practice_rules_feasibility(course=course).short_modes == [
        practice_rules_feasibility(course=course).written
    ]
    activity.mode = "written"  # in the editor, not yet published
    feasibility = practice_rules_feasibility(course=course, activity=activity)
    assert (feasibility.live.activities, feasibility.written.activities) == (0, 1)


def test_a_rule_no_learner_can_meet_is_refused_in_dutch(course):
    rule = PracticeRequirement(course=course, listener_rounds=2)
    with pytest.raises(ValidationError) as refused:
        rule.full_clean()
    [message] = refused.value.message_dict["listener_rounds"]
    assert message.startswith(REFUSED)
    assert "live 1, schriftelijk 0" in message
    PracticeRequirement(course=course, listener_rounds=1).full_clean()  # one round: fine


def test_the_rules_form_refuses_the_impossible_and_warns_for_one_mode(client, course):
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    add = reverse("practice_requirements:add")
    response = client.post(add, {"course": course.pk, "listener_rounds": 2})
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not PracticeRequirement.objects.exists()

    written_activity(course)
    response = client.post(add, {"course": course.pk, "listener_rounds": 2}, follow=True)
    assert PracticeRequirement.objects.get().listener_rounds == 2
    page = response.content.decode()
    assert WRITTEN_SHORT in page and LIVE_SHORT in page

    rule = PracticeRequirement.objects.get()
    edit = client.get(reverse("practice_requirements:edit", args=[rule.pk])).content.decode()
    assert "Kan elke cursist aan de oefenregel voldoen?" in edit
    assert WRITTEN_SHORT in edit


def test_the_page_editor_says_whether_the_rule_can_be_met(client, course, activity):
    written_activity(course)
    PracticeRequirement.objects.create(course=course, listener_rounds=2)
    login_with_mfa(client, TrainerFactory())
    edit_url = reverse("wagtailadmin_pages:edit", args=[activity.pk])
    page = client.get(edit_url).content.decode()
    assert "Kan elke cursist aan de oefenregel voldoen?" in page
    assert WRITTEN_SHORT in page and LIVE_SHORT in page

    # A second written activity, published from the editor: only live falls short now.
    module = ModulePageFactory(parent=course)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["practice", "practiceactivitypage", module.pk]
    )
    form = client.get(add_url).context["form"]
    data = {
        "title": "Schriftelijk oefenen: samenvatten",
        "slug": "schriftelijk-samenvatten",
        "instructions": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Oefen."}], '
        '"entityMap": {}}',
        "minutes_per_round": 10,
        "rounds": 3,
        "mode": "written",
        "criteria-TOTAL_FORMS": 1,
        "criteria-INITIAL_FORMS": 0,
        "criteria-MIN_NUM_FORMS": 1,
        "criteria-MAX_NUM_FORMS": 1000,
        "criteria-0-label": "Open vragen",
        "criteria-0-kind": "count",
        "criteria-0-measure": "open_questions",
        "criteria-0-ORDER": 1,
        "action-publish": "publish",
    }
    assert "mode" in form.fields
    response = client.post(add_url, data, follow=True)
    body = response.content.decode()
    assert WRITTEN_SHORT not in body
    assert LIVE_SHORT in body


def test_unpublishing_or_deleting_the_activity_a_rule_needs_is_refused(client, course, activity):
    PracticeRequirement.objects.create(course=course, listener_rounds=1)
    login_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    for name in ("wagtailadmin_pages:unpublish", "wagtailadmin_pages:delete"):
        response = client.post(reverse(name, args=[activity.pk]), follow=True)
        assert REFUSED in response.content.decode()
        activity.refresh_from_db()
        assert activity.live
    # With a second activity, the first may go.
    written_activity(course)
    client.post(reverse("wagtailadmin_pages:unpublish", args=[activity.pk]))
    activity.refresh_from_db()
    assert not activity.live
