"""The "Academy team" admin: an administrator invites by email and role, sees the open
invitations and withdraws one; only for their own academy."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import academy_create, academy_person, login_with_mfa
from training.academies.models import AcademyInvitation, Role
from training.academies.services import academy_invitation_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def academies():
    return academy_create("Academie A"), academy_create("Academie B")


def test_an_administrator_invites_sees_and_withdraws(
    client, academies, django_capture_on_commit_callbacks
):
    a, b = academies
    admin = academy_person(a, "administrator")
    login_with_mfa(client, admin)
    add = client.get(reverse("academy_invitations:add"))
    assert add.status_code == 200
    assert "Academie B" not in add.content.decode()  # only their own academy to choose

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("academy_invitations:add"),
            {"academy": a.pk, "role": "trainer", "email": " Sem@Example.org"},
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    invitation = AcademyInvitation.objects.get()
    assert (invitation.academy, invitation.email, invitation.role) == (
        a,
        "sem@example.org",
        "trainer",
    )
    assert [m.to for m in mail.outbox] == [["sem@example.org"]]

    # Again: no second row, no second email, a calm message.
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(
            reverse("academy_invitations:add"),
            {"academy": a.pk, "role": "trainer", "email": "sem@example.org"},
            follow=True,
        )
    assert again.status_code == 200
    assert AcademyInvitation.objects.count() == 1 and len(mail.outbox) == 1

    listing = client.get(reverse("academy_invitations:index")).content.decode()
    assert "sem@example.org" in listing
    withdraw_url = reverse("academy_invitations:delete", args=[invitation.pk])
    assert withdraw_url in listing
    assert client.get(withdraw_url).status_code == 200
    assert client.post(withdraw_url).status_code == 302
    assert not AcademyInvitation.objects.exists()


def test_an_invitation_for_another_academy_or_a_bad_address_is_refused_kindly(client, academies):
    a, b = academies
    admin = academy_person(a, "administrator")
    login_with_mfa(client, admin)
    refused = client.post(
        reverse("academy_invitations:add"),
        {"academy": b.pk, "role": "trainer", "email": "sem@example.org"},
    )
    assert refused.status_code == 200
    bad = client.post(
        reverse("academy_invitations:add"),
        {"academy": a.pk, "role": "trainer", "email": "sem at example"},
    )
    assert bad.status_code == 200
    assert "name@example.org" in bad.content.decode() or "naam@" in bad.content.decode()
    academy_person(a, "trainer", email="al@example.org")
    already = client.post(
        reverse("academy_invitations:add"),
        {"academy": a.pk, "role": "trainer", "email": "al@example.org"},
    )
    assert already.status_code == 200
    assert not AcademyInvitation.objects.exists()


def test_another_academy_s_administrator_and_the_academy_s_trainers_get_nothing(client, academies):
    a, b = academies
    admin_a = academy_person(a, "administrator")
    invitation, _ = academy_invitation_create(
        academy=a, email="geheim-sem@example.org", role=Role.TRAINER, user=admin_a
    )
    admin_b = academy_person(b, "administrator")
    login_with_mfa(client, admin_b)
    listing = client.get(reverse("academy_invitations:index"))
    assert listing.status_code == 200
    assert "geheim-sem@example.org" not in listing.content.decode()
    withdraw_url = reverse("academy_invitations:delete", args=[invitation.pk])
    assert client.get(withdraw_url).status_code == 404
    assert client.post(withdraw_url).status_code == 404
    assert AcademyInvitation.objects.filter(pk=invitation.pk).exists()

    for role in ("trainer", "staff"):
        person = academy_person(a, role)
        login_with_mfa(client, person)
        assert client.get(reverse("academy_invitations:index")).status_code in {302, 403}
        assert client.get(withdraw_url).status_code == 404
        assert client.post(
            reverse("academy_invitations:add"),
            {"academy": a.pk, "role": "administrator", "email": "x@example.org"},
        ).status_code in {302, 403}
    assert AcademyInvitation.objects.count() == 1


def test_the_team_menu_holds_people_and_invitations_for_administrators_only(client, academies):
    a, _ = academies
    login_with_mfa(client, academy_person(a, "administrator"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("academy_invitations:index") in home
