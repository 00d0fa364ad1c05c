"""Association admins link facilitators by invitation; the facilitator confirms, sees who
can see their status and why, and can end a link they confirmed."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import (
    AssociationFactory,
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    login_with_mfa,
)
from training.associations.models import AssociationMembership, InvitationKind
from training.associations.selectors import associations_seeing
from training.associations.services import (
    AlreadyLinked,
    invitation_accept,
    invitation_create,
    membership_end,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return UserFactory()


@pytest.fixture
def association(admin):
    return AssociationFactory(name="Vereniging Samen Sterk", admins=[admin])


@pytest.fixture
def facilitator():
    return UserFactory(email="fien@example.org", display_name="Fien Facilitator")


def invite(association, admin, email="fien@example.org"):
    invitation, _created = invitation_create(
        association=association, user=admin, email=email, kind=InvitationKind.FACILITATOR
    )
    return invitation


def test_confirming_links_the_facilitator_and_they_see_why(
    association, admin, facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(association, admin)
    assert mail.outbox[0].to == ["fien@example.org"]
    assert "nooit je reflecties" in mail.outbox[0].body
    assert associations_seeing(learner=facilitator) == []  # nothing before confirming

    invitation_accept(invitation=invitation, user=facilitator)
    membership = AssociationMembership.objects.get(association=association, learner=facilitator)
    assert membership.confirmed_at is not None
    [entry] = associations_seeing(learner=facilitator)
    assert entry["association"] == association and entry["membership"] == membership
    with pytest.raises(AlreadyLinked):
        invite(association, admin)


def test_the_facilitator_ends_a_link_they_confirmed_but_not_one_the_site_admin_made(
    association, admin, facilitator
):
    invitation_accept(invitation=invite(association, admin), user=facilitator)
    membership = AssociationMembership.objects.get(learner=facilitator)
    membership_end(membership=membership, user=facilitator)
    assert not AssociationMembership.objects.exists()
    assert ModelLogEntry.objects.filter(action="associations.membership_end").count() == 1

    made_by_admin = AssociationMembership.objects.create(
        association=association, learner=facilitator
    )
    with pytest.raises(PermissionDenied):
        membership_end(membership=made_by_admin, user=facilitator)


def test_my_certificates_lists_invitations_links_and_reasons(
    client, association, admin, facilitator
):
    cohort = CohortFactory(name="Najaarsgroep", association=AssociationFactory(name="Herstel"))
    EnrolmentFactory(learner=facilitator, cohort=cohort)
    invitation = invite(association, admin)
    client.force_login(facilitator)
    page = client.get(reverse("certificates:mine")).content.decode()
    assert reverse("associations:invitation", args=[invitation.pk]) in page
    assert "via je groep Najaarsgroep" in page

    response = client.post(
        reverse("associations:invitation", args=[invitation.pk]), {"answer": "accept"}
    )
    assert response.url == reverse("certificates:mine")
    membership = AssociationMembership.objects.get(learner=facilitator)
    page = client.get(reverse("certificates:mine")).content.decode()
    assert "Vereniging Samen Sterk" in page and "je hebt hun uitnodiging bevestigd" in page
    assert reverse("associations:membership_end", args=[membership.pk]) in page

    client.post(reverse("associations:membership_end", args=[membership.pk]))
    assert not AssociationMembership.objects.exists()


def test_the_association_page_invites_and_lists_linked_facilitators(
    client, association, admin, facilitator
):
    login_with_mfa(client, admin)
    url = reverse("associations:facilitators", args=[association.pk])
    assert client.post(url, {"email": "fien@example.org"}).status_code == 302
    page = client.get(url)
    assert "no-store" in page["Cache-Control"] and "fien@example.org" in page.content.decode()
    invitation_accept(invitation=association.invitations.get(), user=facilitator)
    assert "Fien Facilitator" in client.get(url).content.decode()


def test_nobody_else_answers_or_ends_anothers_link(client, association, admin, facilitator):
    invitation = invite(association, admin)
    other_learner = UserFactory()
    client.force_login(other_learner)
    url = reverse("associations:invitation", args=[invitation.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"answer": "accept"}).status_code == 404
    invitation_accept(invitation=invitation, user=facilitator)
    membership = AssociationMembership.objects.get()
    end_url = reverse("associations:membership_end", args=[membership.pk])
    assert client.post(end_url).status_code == 404
    assert AssociationMembership.objects.filter(pk=membership.pk).exists()


def test_another_associations_admin_gets_a_404_on_links(client, association, admin):
    invitation = invite(association, admin)
    other_admin = UserFactory()
    AssociationFactory(admins=[other_admin])
    login_with_mfa(client, other_admin)
    assert (
        client.get(reverse("associations:facilitators", args=[association.pk])).status_code == 404
    )
    with pytest.raises(PermissionDenied):
        invitation_create(
            association=association,
            user=other_admin,
            email="x@example.org",
            kind=InvitationKind.FACILITATOR,
        )
    assert association.invitations.get() == invitation
