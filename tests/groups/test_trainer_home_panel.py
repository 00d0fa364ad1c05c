"""Trainers find the totals of their former learners' shared groups on their admin home."""

import pytest
from django.urls import reverse

from tests.factories import login_with_mfa
from training.groups import services

pytestmark = pytest.mark.django_db


def _trainer_of(facilitator):
    from training.learning.models import Enrolment

    return Enrolment.objects.get(learner=facilitator).cohort.trainers.get()


def test_admin_home_links_the_totals_once_a_learner_shares_a_group(client, facilitator, group):
    trainer = _trainer_of(facilitator)
    login_with_mfa(client, trainer)
    totals = reverse("groups:trainer")
    assert totals not in client.get(reverse("wagtailadmin_home")).content.decode()
    services.peer_group_update(group=group, shared_with_trainers=True)
    assert totals in client.get(reverse("wagtailadmin_home")).content.decode()


def test_admin_home_link_is_not_there_for_a_trainer_of_other_learners(client, facilitator, group):
    from tests.factories import CohortFactory

    services.peer_group_update(group=group, shared_with_trainers=True)
    other = CohortFactory().trainers.get()
    login_with_mfa(client, other)
    assert (
        reverse("groups:trainer") not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
