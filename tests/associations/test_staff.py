"""Association admins invite and remove their own staff, without the site admin."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import AssociationFactory, UserFactory, login_with_mfa
from training.associations.models import (
    AssociationInvitation,
    AssociationStaff,
    InvitationKind,
    StaffRole,
)
from training.associations.permissions import associations_staffed_by
from training.associations.services import (
    AlreadyStaff,
    InvalidEmail,
    LastAdmin,
    invitation_accept,
    invitation_create,
    invitation_decline,
    staff_remove,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return UserFactory(email="beheer@vereniging.example.org")


@pytest.fixture
def association(admin):
    return AssociationFactory(admins=[admin])


def invite(association, admin, email="nieuw@example.org", role=StaffRole.STAFF):
    return invitation_create(
        association=association, user=admin, email=email, kind=InvitationKind.STAFF, role=role
    )


def test_an_admin_invites_by_email_once_and_the_invitee_joins_on_accepting(
    association, admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, created = invite(association, admin, email="  Nieuw@Example.org ")
    assert created and invitation.email == "nieuw@example.org"
    assert [m.to for m in mail.outbox] == [["nieuw@example.org"]]
    assert association.name in mail.outbox[0].body
    assert reverse("associations:invitation", args=[invitation.pk]) in mail.outbox[0].body

    again, created = invite(association, admin, email="nieuw@example.org")
    assert again == invitation and not created and len(mail.outbox) == 1

    newcomer = UserFactory(email="nieuw@example.org")
    invitation_accept(invitation=invitation, user=newcomer)
    link = AssociationStaff.objects.get(association=association, user=newcomer)
    assert link.role == StaffRole.STAFF
    assert association in associations_staffed_by(newcomer)
    assert (
        ModelLogEntry.objects.for_instance(invitation)
        .filter(action__in=["associations.invite", "associations.invitation_accept"])
        .count()
        == 2
    )


def test_only_the_invited_address_can_accept_and_only_admins_invite(association, admin):
    invitation, _ = invite(association, admin)
    with pytest.raises(PermissionDenied):
        invitation_accept(invitation=invitation, user=UserFactory(email="ander@example.org"))
    staff_member = UserFactory()
    association.staff.add(staff_member)  # staff, not admin
    with pytest.raises(PermissionDenied):
        invite(association, staff_member, email="nog-een@example.org")
    with pytest.raises(PermissionDenied):
        invite(AssociationFactory(), admin)


def test_bad_or_existing_addresses_get_a_friendly_refusal(association, admin):
    with pytest.raises(InvalidEmail):
        invite(association, admin, email="geen-adres")
    with pytest.raises(AlreadyStaff):
        invite(association, admin, email="BEHEER@vereniging.example.org")


def test_declining_deletes_the_invitation_and_is_logged(association, admin):
    invitation, _ = invite(association, admin)
    invitee = UserFactory(email="nieuw@example.org")
    invitation_decline(invitation=invitation, user=invitee)
    assert not AssociationInvitation.objects.exists()
    assert not AssociationStaff.objects.filter(user=invitee).exists()
    assert ModelLogEntry.objects.filter(action="associations.invitation_decline").count() == 1


def test_an_admin_removes_staff_but_never_the_last_admin(association, admin):
    colleague = UserFactory()
    association.staff.add(colleague)
    link = AssociationStaff.objects.get(user=colleague)
    staff_remove(link=link, user=admin)
    assert not AssociationStaff.objects.filter(user=colleague).exists()
    assert ModelLogEntry.objects.filter(action="associations.staff_remove").count() == 1

    own = AssociationStaff.objects.get(user=admin)
    with pytest.raises(LastAdmin):
        staff_remove(link=own, user=admin)
    second_admin = UserFactory()
    association.staff.add(second_admin, through_defaults={"role": StaffRole.ADMIN})
    staff_remove(link=own, user=second_admin)
    assert list(association.staff.all()) == [second_admin]


def test_the_staff_page_invites_lists_and_removes(client, association, admin):
    colleague = UserFactory(display_name="Carla Collega")
    association.staff.add(colleague)
    login_with_mfa(client, admin)
    url = reverse("associations:staff", args=[association.pk])
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "Carla Collega" in response.content.decode()

    response = client.post(url, {"email": "geen-adres", "role": "staff"})
    assert response.status_code == 200
    assert "Vul een geldig e-mailadres in" in response.content.decode()

    response = client.post(url, {"email": "nieuw@example.org", "role": "admin"})
    assert response.status_code == 302
    assert AssociationInvitation.objects.get().role == StaffRole.ADMIN

    link = AssociationStaff.objects.get(user=colleague)
    client.post(reverse("associations:staff_remove", args=[association.pk, link.pk]))
    assert not AssociationStaff.objects.filter(pk=link.pk).exists()

    own = AssociationStaff.objects.get(user=admin)
    response = client.post(
        reverse("associations:staff_remove", args=[association.pk, own.pk]), follow=True
    )
    assert AssociationStaff.objects.filter(pk=own.pk).exists()
    assert "minstens één beheerder" in response.content.decode()


def test_the_invitee_accepts_on_the_site(client, association, admin):
    invitation, _ = invite(association, admin)
    invitee = UserFactory(email="nieuw@example.org")
    client.force_login(invitee)
    assert client.get(reverse("associations:index")).status_code == 200
    url = reverse("associations:invitation", args=[invitation.pk])
    response = client.get(url)
    assert response.status_code == 200 and association.name in response.content.decode()
    response = client.post(url, {"answer": "accept"})
    assert response.url == reverse("associations:status", args=[association.pk])
    # Now staff: the association pages ask for two-step sign-in first.
    assert client.get(response.url).url.startswith(reverse("mfa_activate_totp"))
    login_with_mfa(client, invitee)
    assert client.get(url).status_code == 404  # answered


def test_one_association_never_sees_or_changes_anothers_staff(client, association, admin):
    other_admin = UserFactory()
    other = AssociationFactory(admins=[other_admin])
    other_link = AssociationStaff.objects.get(user=other_admin)
    other_invitation, _ = invite(other, other_admin)
    login_with_mfa(client, admin)
    assert client.get(reverse("associations:staff", args=[other.pk])).status_code == 404
    assert (
        client.post(
            reverse("associations:staff_remove", args=[association.pk, other_link.pk])
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("associations:invitation_withdraw", args=[association.pk, other_invitation.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("associations:invitation", args=[other_invitation.pk])).status_code
        == 404
    )
    assert AssociationStaff.objects.filter(pk=other_link.pk).exists()
    assert AssociationInvitation.objects.filter(pk=other_invitation.pk).exists()


def test_plain_staff_get_a_404_on_the_staff_pages(client, association):
    staff_member = UserFactory()
    association.staff.add(staff_member)
    login_with_mfa(client, staff_member)
    assert client.get(reverse("associations:staff", args=[association.pk])).status_code == 404
    assert (
        client.get(reverse("associations:facilitators", args=[association.pk])).status_code == 404
    )
    assert (
        "medewerkers/"
        not in client.get(reverse("associations:status", args=[association.pk])).content.decode()
    )


LONG_ADDRESS = "e" * 290 + "@example.org"


def test_a_long_address_is_refused_by_the_service(association, admin):
    with pytest.raises(InvalidEmail) as error:
        invite(association, admin, email=LONG_ADDRESS)
    assert "254" in str(error.value.message)
    assert not AssociationInvitation.objects.exists()


@pytest.mark.parametrize("page", ["associations:staff", "associations:facilitators"])
def test_the_invitation_forms_refuse_a_long_address_in_dutch(client, association, admin, page):
    login_with_mfa(client, admin)
    url = reverse(page, args=[association.pk])

    for _attempt in range(2):
        response = client.post(url, {"email": LONG_ADDRESS, "role": "staff"})
        assert response.status_code == 200
        assert "langer dan 254 tekens" in response.content.decode()
    assert not AssociationInvitation.objects.exists()


@pytest.mark.parametrize("name", ["staff", "facilitators", "tokens", "endorsements"])
def test_the_current_breadcrumb_is_no_link_to_nowhere(client, association, admin, name):
    """The last crumb was `<a href="" aria-current="page">`: a link that goes nowhere."""
    login_with_mfa(client, admin)
    page = client.get(reverse(f"associations:{name}", args=[association.pk])).content.decode()
    crumbs = page.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert 'href=""' not in crumbs
    assert '<span aria-current="page">' in crumbs
    assert f'href="{reverse("associations:status", args=[association.pk])}"' in crumbs
