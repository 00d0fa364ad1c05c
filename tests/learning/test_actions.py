"""Trainer writes on cohorts as actions: refused outside the policy, one entry each."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import CohortFactory, TrainerFactory, login_with_mfa
from training.learning.actions import CohortRotateInviteAction

pytestmark = pytest.mark.django_db


def test_rotating_the_invite_link_leaves_one_entry_without_the_link():
    cohort = CohortFactory()
    trainer = cohort.trainers.get()
    old = cohort.invite_token
    CohortRotateInviteAction(cohort, user=trainer).execute()
    cohort.refresh_from_db()
    assert cohort.invite_token != old
    [entry] = ModelLogEntry.objects.for_instance(cohort).filter(action="learning.rotate_invite")
    assert entry.user == trainer and entry.data == {}
    assert old not in str(entry.data) and cohort.invite_token not in str(entry.data)


def test_another_trainer_cannot_rotate_the_link():
    cohort = CohortFactory()
    old = cohort.invite_token
    with pytest.raises(PermissionDenied):
        CohortRotateInviteAction(cohort, user=TrainerFactory()).execute()
    cohort.refresh_from_db()
    assert cohort.invite_token == old
    assert not ModelLogEntry.objects.for_instance(cohort).filter(action="learning.rotate_invite")


def test_the_admin_view_rotates_through_the_action(client):
    cohort = CohortFactory()
    login_with_mfa(client, cohort.trainers.get())
    client.post(reverse("cohorts:rotate_invite", args=[cohort.pk]))
    history = client.get(reverse("cohorts:history", args=[cohort.pk])).content.decode()
    assert ModelLogEntry.objects.for_instance(cohort).filter(action="learning.rotate_invite")
    assert "Nieuwe uitnodigingslink" in history
