"""A trainer's admin home links the totals of their former learners' shared groups."""

import uuid

import pytest
from playwright.sync_api import expect

from tests.factories import EnrolmentFactory
from training.accounts.services import user_email_mark_verified

from .conftest import log_in, nl

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_panel_leads_a_trainer_to_the_shared_group_totals(new_page, live_server, check_screen):
    from training.groups import services

    enrolment = EnrolmentFactory()
    group, _ = services.peer_group_create(
        facilitator=enrolment.learner, client_id=uuid.uuid4(), name="Avondgroep"
    )
    services.peer_group_update(group=group, shared_with_trainers=True)
    trainer = enrolment.cohort.trainers.get()
    user_email_mark_verified(trainer)

    page = log_in(new_page, live_server, trainer, "/beheer/")
    panel = page.locator("#group-feedback-section")
    expect(panel).to_be_visible()
    check_screen(page, "admin-home")
    panel.get_by_role("link", name=nl("What the groups of your former learners say")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        nl("What the groups of your former learners say")
    )
    check_screen(page, "totals")
