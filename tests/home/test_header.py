"""The site header's "Beheer" and "Vereniging" links: for everyone with access to the
Wagtail admin or an association, only them, and at no query per page (home.header)."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AssociationFactory, TrainerFactory, UserFactory
from training.associations.models import AssociationStaff

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


# --- The links cost no query per page: two cached flags per user, forgotten on change ---

ASSOCIATION_LINK = '<a href="/vereniging/"'


def signed_in(client, user):
    """Logs in once: a login saves the user (last_login), which forgets the flags by
    itself, so each change below must be what makes the link appear or go."""
    client.force_login(user)
    client.get("/mijn/")
    return lambda: client.get("/mijn/").content.decode()


def _queries_of_a_page(client, user):
    client.force_login(user)
    client.get("/mijn/")  # fills the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/mijn/").status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_the_header_links_cost_no_query_once_cached(client):
    queries = _queries_of_a_page(client, UserFactory())

    assert not [sql for sql in queries if "associations_associationstaff" in sql]
    assert not [sql for sql in queries if "auth_permission" in sql]


def test_becoming_association_staff_shows_the_link_on_the_next_page(client):
    user = UserFactory()
    page = signed_in(client, user)
    assert ASSOCIATION_LINK not in page()

    association = AssociationFactory(staff=[user])
    assert ASSOCIATION_LINK in page()

    AssociationStaff.objects.filter(association=association, user=user).delete()
    assert ASSOCIATION_LINK not in page()


def test_joining_or_leaving_a_group_with_admin_access_changes_the_link_at_once(client):
    user = UserFactory()
    trainers = TrainerFactory().groups.get()
    page = signed_in(client, user)
    assert ADMIN_LINK not in page()

    user.groups.add(trainers)
    assert ADMIN_LINK in page()

    trainers.user_set.remove(user)
    assert ADMIN_LINK not in page()


def test_taking_admin_access_from_a_group_hides_the_link_for_its_members(client):
    trainer = TrainerFactory()
    page = signed_in(client, trainer)
    assert ADMIN_LINK in page()

    group = trainer.groups.get()
    group.permissions.remove(Permission.objects.get(codename="access_admin"))
    assert ADMIN_LINK not in page()


def test_a_user_made_superuser_sees_the_link_on_the_next_page(client):
    user = UserFactory()
    page = signed_in(client, user)
    assert ADMIN_LINK not in page()

    user.is_superuser = True
    user.save()
    assert ADMIN_LINK in page()


def test_staff_added_through_the_many_to_many_see_the_link_at_once(client):
    user = UserFactory()
    association = AssociationFactory()
    page = signed_in(client, user)
    assert ASSOCIATION_LINK not in page()

    association.staff.add(user)
    assert ASSOCIATION_LINK in page()

    user.associations.clear()
    assert ASSOCIATION_LINK not in page()
