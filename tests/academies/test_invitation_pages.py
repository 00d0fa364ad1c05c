"""The invitee's side on the public site: the notice on "My learning" and the invitation
page, where they accept or decline. Private (no-store), a wrong id a kind 404."""

import datetime

import pytest
from django.urls import reverse

from tests.conftest import WEDNESDAY_NOON
from tests.factories import UserFactory, academy_create, academy_person
from training.academies.models import AcademyInvitation, AcademyRole, Role
from training.academies.services import academy_invitation_create
from training.accounts.services import user_email_mark_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation():
    academy = academy_create("Stichting Samen Verder")
    administrator = academy_person(academy, "administrator")
    invitation, _ = academy_invitation_create(
        academy=academy, email="sem@example.org", role=Role.TRAINER, user=administrator
    )
    return invitation


@pytest.fixture
def sem():
    user = UserFactory(email="sem@example.org")
    user_email_mark_verified(user)
    return user


def url(invitation):
    return reverse("academies:invitation", args=[invitation.pk])


def test_the_dashboard_shows_the_invitation_to_its_verified_address(client, invitation, sem):
    client.force_login(sem)
    page = client.get(reverse("learning:dashboard")).content.decode()
    assert url(invitation) in page
    assert "Stichting Samen Verder" in page

    other = UserFactory(email="anna@example.org")
    user_email_mark_verified(other)
    client.force_login(other)
    assert url(invitation) not in client.get(reverse("learning:dashboard")).content.decode()


def test_the_invitee_accepts_on_the_page_and_gets_the_role(client, invitation, sem):
    client.force_login(sem)
    response = client.get(url(invitation))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Stichting Samen Verder" in response.content.decode()
    response = client.post(url(invitation), {"answer": "accept"})
    assert response.status_code == 302
    assert AcademyRole.objects.filter(user=sem, role=Role.TRAINER).exists()
    after = client.get(url(invitation))
    assert after.status_code == 200
    assert reverse("wagtailadmin_home") in after.content.decode()
    # A second click from an old tab: a friendly message, still one role.
    again = client.post(url(invitation), {"answer": "accept"}, follow=True)
    assert again.status_code == 200
    assert AcademyRole.objects.filter(user=sem).count() == 1
    assert url(invitation) not in client.get(reverse("learning:dashboard")).content.decode()


def test_the_invitee_declines(client, invitation, sem):
    client.force_login(sem)
    response = client.post(url(invitation), {"answer": "decline"})
    assert response.status_code == 302
    assert not AcademyInvitation.objects.exists()
    assert not AcademyRole.objects.filter(user=sem).exists()
    gone = client.get(url(invitation))
    assert gone.status_code == 404
    assert "<h1>" in gone.content.decode()  # the kind page, not a bare error


def test_someone_else_s_invitation_is_a_404_and_a_visitor_signs_in_first(client, invitation, sem):
    assert client.get(url(invitation)).status_code == 302  # to the sign-in page
    other = UserFactory(email="anna@example.org")
    user_email_mark_verified(other)
    client.force_login(other)
    response = client.post(url(invitation), {"answer": "accept"})
    assert response.status_code == 404
    assert "Stichting Samen Verder" not in response.content.decode()
    assert not AcademyRole.objects.filter(user=other).exists()
    assert client.get(reverse("academies:invitation", args=[99999999])).status_code == 404


def test_an_expired_invitation_says_so_kindly(client, sem, pinned_clock):
    traveller = pinned_clock(WEDNESDAY_NOON)
    academy = academy_create("Stichting Samen Verder")
    administrator = academy_person(academy, "administrator")
    invitation, _ = academy_invitation_create(
        academy=academy, email="sem@example.org", role=Role.STAFF, user=administrator
    )
    traveller.shift(datetime.timedelta(days=40))
    client.force_login(sem)
    response = client.post(url(invitation), {"answer": "accept"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not AcademyRole.objects.filter(user=sem).exists()
    assert url(invitation) not in client.get(reverse("learning:dashboard")).content.decode()
