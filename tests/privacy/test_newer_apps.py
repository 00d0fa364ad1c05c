"""Export and erasure cover the skills lab and life after the course."""

import uuid

import pytest

from tests.factories import CohortFactory, EnrolmentFactory, ModulePageFactory, build_course
from tests.practice.factories import PracticeActivityPageFactory, answers_for
from tests.practice.test_views import grouped
from training.continuing import services as continuing
from training.continuing.models import PracticeSession, WellbeingCheckIn
from training.practice import services as practice
from training.practice.models import ListenerReflection
from training.privacy.selectors import learner_data
from training.privacy.services import account_erase

from ..continuing.test_practice_log import REFLECTION, session_fields


@pytest.fixture
def activity(db):
    module = ModulePageFactory(parent=build_course(modules=1, lessons_per_module=1))
    return PracticeActivityPageFactory(parent=module)


@pytest.fixture
def learners(activity):
    cohort = CohortFactory(course=activity.course)
    return [EnrolmentFactory(cohort=cohort) for _ in range(3)]


def test_the_export_has_the_practice_log_checkins_and_skills_lab(activity, learners):
    group = grouped(activity, learners)
    first = group.rounds.get(number=1)
    [observer] = practice.round_observers(first)
    practice.observation_submit(
        practice_round=first, observer=observer, answers=answers_for(activity, open_questions=2)
    )
    practice.self_reflection_submit(
        practice_round=first, listener=first.listener, went_well="Rustig gebleven", advice_moment=""
    )
    listener = first.listener.enrolment.learner
    continuing.practice_session_create(
        facilitator=listener, client_id=uuid.uuid4(), **session_fields()
    )
    continuing.checkin_record(
        facilitator=listener,
        client_id=uuid.uuid4(),
        energy_cost=2,
        energy_gain=3,
        sleep=3,
        lingering=False,
        wants_contact=False,
    )
    data = learner_data(user=listener)
    assert data["practice_log"][0]["listening_moment"] == REFLECTION
    assert data["wellbeing_checkins"][0]["energy_gain"] == 3
    assert data["practice_self_reflections"][0]["went_well"] == "Rustig gebleven"
    assert len(data["practice_observations_received"]) == 1
    assert data["practice_groups"][0]["activity"] == activity.title


def test_erasure_removes_the_log_and_empties_the_skills_lab_words(activity, learners):
    group = grouped(activity, learners)
    first = group.rounds.get(number=1)
    practice.self_reflection_submit(
        practice_round=first,
        listener=first.listener,
        went_well="Rustig gebleven",
        advice_moment="x",
    )
    listener = first.listener.enrolment.learner
    continuing.practice_session_create(
        facilitator=listener, client_id=uuid.uuid4(), **session_fields()
    )
    account_erase(user=listener)
    assert not PracticeSession.objects.filter(facilitator=listener).exists()
    assert not WellbeingCheckIn.objects.filter(facilitator=listener).exists()
    reflection = ListenerReflection.objects.get()
    assert (reflection.went_well, reflection.advice_moment) == ("", "")
