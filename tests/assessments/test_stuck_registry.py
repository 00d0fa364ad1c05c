"""Higher apps add sections to the stuck tab through the STUCK_SECTIONS hook."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.factories import CohortFactory, EnrolmentFactory, login_with_mfa
from training.assessments import stuck
from training.hooks import STUCK_SECTIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider(hook_only):
    calls = []

    def waiting(*, cohort):
        calls.append(cohort.pk)
        enrolment = cohort.enrolments.first()
        return [
            stuck.StuckSection(
                key="demo",
                caption="Wacht op iets",
                learners=[stuck.StuckLearner(enrolment, ["Reden A"])],
            ),
            stuck.StuckSection(key="empty", caption="Leeg", learners=[]),
        ]

    hook_only(STUCK_SECTIONS, waiting, waiting)  # twice: once
    return calls


def test_sections_come_from_the_registered_providers_empty_ones_left_out(provider):
    cohort = CohortFactory()
    EnrolmentFactory(cohort=cohort)
    sections = stuck.stuck_sections(cohort=cohort)
    assert [s.key for s in sections] == ["demo"]
    assert provider == [cohort.pk]


def test_the_stuck_tab_shows_a_providers_section(client, provider):
    cohort = CohortFactory()
    enrolment = EnrolmentFactory(cohort=cohort)
    login_with_mfa(client, cohort.trainers.first())
    response = client.get(reverse("reflection_queue:cohort", args=[cohort.pk]))
    page = response.content.decode()
    assert "Wacht op iets" in page and "Reden A" in page
    # Names such as "van 't Hof" arrive HTML-escaped.
    assert escape(enrolment.learner.get_full_name()) in page
    assert "Niemand loopt vast." not in page
    assert response.context["anyone_stuck"]
