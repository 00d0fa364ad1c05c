"""Academy team invitations: an administrator invites an email address to a role; the
invitee, signed in with that address verified, accepts (and gets the role) or declines."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.conftest import WEDNESDAY_NOON
from tests.factories import UserFactory, academy_create, academy_person
from training.academies.models import AcademyInvitation, AcademyRole, Role
from training.academies.permissions import academy_invitations_for
from training.academies.services import (
    AlreadyInRole,
    InvalidEmail,
    InvitationAnswered,
    InvitationExpired,
    academy_invitation_accept,
    academy_invitation_create,
    academy_invitation_decline,
    academy_invitation_withdraw,
)
from training.accounts.services import user_email_mark_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def academy():
    return academy_create("Stichting Samen Verder")


@pytest.fixture
def administrator(academy):
    return academy_person(academy, "administrator", email="beheer@samenverder.example.org")


def verified_user(email):
    user = UserFactory(email=email)
    user_email_mark_verified(user)
    return user


def invite(academy, administrator, email="sem@example.org", role=Role.TRAINER):
    return academy_invitation_create(academy=academy, email=email, role=role, user=administrator)


def test_an_administrator_invites_once_and_the_invitee_gets_the_role_on_accepting(
    academy, administrator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, emailed = invite(academy, administrator, email="  Sem@Example.org ")
    assert emailed and invitation.email == "sem@example.org"
    assert [m.to for m in mail.outbox] == [["sem@example.org"]]

    with django_capture_on_commit_callbacks(execute=True):
        again, emailed = invite(academy, administrator, email="sem@example.org")
    assert again == invitation and not emailed and len(mail.outbox) == 1

    sem = verified_user("sem@example.org")
    link = academy_invitation_accept(invitation=invitation, user=sem)
    assert (link.academy, link.user, link.role) == (academy, sem, Role.TRAINER)
    group = academy.groups.get(role=Role.TRAINER).group
    assert sem.groups.filter(pk=group.pk).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == sem and invitation.accepted_at is not None
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"academies.invite", "academies.invitation_accept"} <= actions


def test_a_double_accept_gives_one_role_and_a_friendly_error(academy, administrator):
    invitation, _ = invite(academy, administrator)
    sem = verified_user("sem@example.org")
    academy_invitation_accept(invitation=invitation, user=sem)
    with pytest.raises(InvitationAnswered):
        academy_invitation_accept(invitation=invitation, user=sem)
    assert AcademyRole.objects.filter(user=sem, academy=academy).count() == 1


def test_only_the_verified_address_sees_and_accepts_the_invitation(academy, administrator):
    invitation, _ = invite(academy, administrator)
    unverified = UserFactory(email="sem@example.org")  # typed the address, never verified it
    assert not academy_invitations_for(unverified).exists()
    with pytest.raises(PermissionDenied):
        academy_invitation_accept(invitation=invitation, user=unverified)
    someone_else = verified_user("anna@example.org")
    assert not academy_invitations_for(someone_else).exists()
    with pytest.raises(PermissionDenied):
        academy_invitation_accept(invitation=invitation, user=someone_else)
    assert not AcademyRole.objects.filter(role=Role.TRAINER).exists()
    user_email_mark_verified(unverified)
    assert list(academy_invitations_for(unverified)) == [invitation]


def test_only_the_academy_s_administrators_invite_and_withdraw(academy, administrator):
    other_academy = academy_create("Academie B")
    other_admin = academy_person(other_academy, "administrator")
    trainer = academy_person(academy, "trainer")
    staff = academy_person(academy, "staff")
    for outsider in (other_admin, trainer, staff, UserFactory()):
        with pytest.raises(PermissionDenied):
            invite(academy, outsider)
    invitation, _ = invite(academy, administrator)
    for outsider in (other_admin, trainer, staff):
        with pytest.raises(PermissionDenied):
            academy_invitation_withdraw(invitation=invitation, user=outsider)
    assert AcademyInvitation.objects.filter(pk=invitation.pk).exists()
    platform_admin = UserFactory(is_superuser=True)
    academy_invitation_withdraw(invitation=invitation, user=platform_admin)
    academy_invitation_withdraw(invitation=invitation, user=platform_admin)  # twice: no error
    assert not AcademyInvitation.objects.exists()
    entries = ModelLogEntry.objects.filter(action="academies.invitation_withdraw")
    assert entries.count() == 1


def test_the_invitee_declines_and_the_invitation_is_gone(academy, administrator):
    invitation, _ = invite(academy, administrator)
    sem = verified_user("sem@example.org")
    academy_invitation_decline(invitation=invitation, user=sem)
    assert not AcademyInvitation.objects.exists()
    assert not AcademyRole.objects.filter(user=sem).exists()
    assert ModelLogEntry.objects.filter(action="academies.invitation_decline").exists()


def test_a_bad_address_or_an_existing_role_is_a_friendly_refusal(academy, administrator):
    with pytest.raises(InvalidEmail):
        invite(academy, administrator, email="geen adres")
    academy_person(academy, "trainer", email="sem@example.org")
    with pytest.raises(AlreadyInRole):
        invite(academy, administrator, email="SEM@example.org")
    # Another role for the same person is a new invitation.
    invitation, emailed = invite(academy, administrator, email="sem@example.org", role=Role.STAFF)
    assert emailed and invitation.role == Role.STAFF


def test_the_database_allows_one_open_invitation_per_address_and_role(academy, administrator):
    invite(academy, administrator)
    with pytest.raises(IntegrityError), transaction.atomic():
        AcademyInvitation.objects.create(academy=academy, email="sem@example.org", role="trainer")
    with pytest.raises(IntegrityError), transaction.atomic():
        AcademyInvitation.objects.create(academy=academy, email="x@example.org", role="baas")


def test_a_concurrent_invitation_returns_the_one_row(academy, administrator, monkeypatch):
    """Two requests at once: the loser's insert fails on the constraint and it returns the
    winner's invitation instead of a 500."""
    winner, _ = invite(academy, administrator)
    from training.academies import services

    real_filter = AcademyInvitation.objects.filter
    calls = {"n": 0}

    class FirstLooksEmpty:
        def __init__(self, queryset):
            self.queryset = queryset

        def select_for_update(self):
            return self

        def first(self):
            return None  # the race: the other request had not committed yet

        def __getattr__(self, name):
            return getattr(self.queryset, name)

    def racing_filter(*args, **kwargs):
        calls["n"] += 1
        queryset = real_filter(*args, **kwargs)
        return FirstLooksEmpty(queryset) if "accepted_at__isnull" in kwargs else queryset

    monkeypatch.setattr(services.AcademyInvitation.objects, "filter", racing_filter)
    again, emailed = invite(academy, administrator)
    assert again.pk == winner.pk and not emailed
    assert AcademyInvitation.objects.count() == 1


def test_an_expired_invitation_cannot_be_accepted_and_inviting_again_renews_it(
    academy, administrator, pinned_clock, django_capture_on_commit_callbacks
):
    traveller = pinned_clock(WEDNESDAY_NOON)
    invitation, _ = invite(academy, administrator)
    sem = verified_user("sem@example.org")
    traveller.shift(datetime.timedelta(days=31))
    with pytest.raises(InvitationExpired):
        academy_invitation_accept(invitation=invitation, user=sem)
    assert not AcademyRole.objects.filter(user=sem).exists()
    with django_capture_on_commit_callbacks(execute=True):
        renewed, emailed = invite(academy, administrator)
    assert renewed.pk == invitation.pk and emailed
    assert len([m for m in mail.outbox if m.to == ["sem@example.org"]]) == 1
    academy_invitation_accept(invitation=renewed, user=sem)
    assert AcademyRole.objects.filter(user=sem, role=Role.TRAINER).exists()


def test_the_email_names_the_academy_and_the_role_and_links_to_sign_up(
    academy, administrator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, _ = invite(academy, administrator)
    message = mail.outbox[-1]
    assert message.subject.startswith("[Stichting Samen Verder]")
    assert "trainer" in message.subject
    assert reverse("academies:invitation", args=[invitation.pk]) in message.body
    assert reverse("account_signup") in message.body
    assert message.body.rstrip().endswith("Stichting Samen Verder · Lotgenoot Academie")
    assert administrator.email not in message.body  # no one's address but the invitee's


def test_the_email_to_someone_with_an_account_asks_to_sign_in(
    academy, administrator, django_capture_on_commit_callbacks
):
    verified_user("sem@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        invite(academy, administrator)
    assert reverse("account_signup") not in mail.outbox[-1].body


def test_a_withdrawn_invitation_sends_no_email(
    academy, administrator, django_capture_on_commit_callbacks
):
    from training.academies.tasks import invitation_email_task

    invitation, _ = invite(academy, administrator)
    academy_invitation_withdraw(invitation=invitation, user=administrator)
    assert invitation_email_task.call(invitation_id=invitation.pk) is False


def test_the_audit_log_names_no_address(academy, administrator):
    invitation, _ = invite(academy, administrator)
    academy_invitation_withdraw(invitation=invitation, user=administrator)
    labels = list(
        ModelLogEntry.objects.filter(action__startswith="academies.invit").values_list(
            "label", flat=True
        )
    )
    assert labels and all("sem@example.org" not in label for label in labels)
    assert all("Stichting Samen Verder" in label for label in labels)


def test_erasing_an_account_deletes_the_invitations_to_it(academy, administrator):
    from training.privacy.services import account_erase

    invite(academy, administrator)
    accepted, _ = invite(academy, administrator, email="anna@example.org", role=Role.STAFF)
    anna = verified_user("anna@example.org")
    academy_invitation_accept(invitation=accepted, user=anna)
    sem = verified_user("sem@example.org")
    account_erase(user=sem)
    account_erase(user=anna)
    assert not AcademyInvitation.objects.exists()
