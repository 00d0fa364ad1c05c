"""The site header's "Beheer" link: for everyone with access to the Wagtail admin, only them."""

import pytest

from tests.factories import TrainerFactory, UserFactory

pytestmark = pytest.mark.django_db

ADMIN_LINK = '<a href="/beheer/">Beheer</a>'


def header_of(client, user):
    client.force_login(user)
    return client.get("/mijn/").content.decode()


def test_a_trainer_sees_the_beheer_link(client):
    # Trainers have Wagtail's access_admin permission through their group, not is_staff.
    assert ADMIN_LINK in header_of(client, TrainerFactory())


def test_a_superuser_sees_the_beheer_link(client):
    assert ADMIN_LINK in header_of(client, UserFactory(is_superuser=True))


def test_a_learner_does_not(client):
    assert ADMIN_LINK not in header_of(client, UserFactory())


def test_staff_without_admin_access_do_not(client):
    # is_staff alone does not open Wagtail's admin: a link there would only turn them away.
    assert ADMIN_LINK not in header_of(client, UserFactory(is_staff=True))
