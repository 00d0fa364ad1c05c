"""Bulk invite: parse, report, invite all valid addresses at once; resend, withdraw, accept."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    TrainerFactory,
    UserFactory,
    login_with_mfa,
)
from training.learning import invitations
from training.learning.models import CohortInvitation, Enrolment
from training.learning.services import CohortFull, InviteInvalid

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit (the emails), as production does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def _commit_fixture(commit):
    global _commit
    _commit = commit


def invite(cohort, trainer, text="", upload=None):
    parsed = invitations.addresses_parse(text=text, upload=upload)
    with _commit():
        return invitations.cohort_invite_bulk(cohort=cohort, parsed=parsed, invited_by=trainer)


def link_of(message):
    return next(line for line in message.body.splitlines() if "/uitnodiging/persoonlijk/" in line)


# --- Parsing ---------------------------------------------------------------------


def test_pasted_addresses_are_split_normalised_and_checked():
    parsed = invitations.addresses_parse(
        text="Anna@Example.org, bert@example.org;\n geen-adres\nanna@example.org  <carla@example.org>"
    )

    assert parsed.valid == ["anna@example.org", "bert@example.org", "carla@example.org"]
    assert parsed.invalid == ["geen-adres"]
    assert parsed.duplicates == ["anna@example.org"]


def test_addresses_copied_from_a_mail_program_keep_only_the_address():
    parsed = invitations.addresses_parse(
        text="Anna de Vries <anna@example.org>; Bert Jansen <Bert@Example.org>"
    )

    assert parsed.valid == ["anna@example.org", "bert@example.org"]
    assert parsed.invalid == []


def test_a_csv_with_a_header_and_several_columns_is_read():
    content = "naam;email\nAnna;anna@example.org\nBert;bert@example\n".encode("utf-8-sig")
    upload = SimpleUploadedFile("lijst.csv", content, content_type="text/csv")

    parsed = invitations.addresses_parse(upload=upload)

    assert parsed.valid == ["anna@example.org"]
    assert parsed.invalid == ["bert@example"]


def test_a_binary_file_is_refused_kindly():
    upload = io.BytesIO(b"\x81\x8d\x8f\x90\x9d@")
    with pytest.raises(invitations.UnreadableFile):
        invitations.addresses_parse(upload=upload)


def test_too_many_addresses_are_refused():
    text = "\n".join(f"p{n}@example.org" for n in range(invitations.MAX_ADDRESSES + 1))
    with pytest.raises(invitations.TooManyAddresses):
        invitations.addresses_parse(text=text)


# --- Inviting ----------------------------------------------------------------------


def test_each_valid_address_gets_its_own_email_with_its_own_link(cohort, trainer):
    result = invite(cohort, trainer, "anna@example.org\nbert@example.org\nfout")

    assert [i.email for i in result.invited] == ["anna@example.org", "bert@example.org"]
    assert result.invalid == ["fout"]
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "bert@example.org"]
    links = {link_of(m) for m in mail.outbox}
    assert len(links) == 2
    assert all(cohort.invite_token not in link for link in links)
    assert cohort.course.title in mail.outbox[0].body
    assert CohortInvitation.objects.filter(sent_at__isnull=False).count() == 2
    assert ModelLogEntry.objects.filter(action="learning.invite_bulk").count() == 1


def test_already_invited_and_already_enrolled_addresses_are_reported_not_sent(cohort, trainer):
    invite(cohort, trainer, "anna@example.org")
    learner = UserFactory(email="bert@example.org")
    EnrolmentFactory(learner=learner, cohort=cohort)
    mail.outbox.clear()

    result = invite(cohort, trainer, "ANNA@example.org bert@example.org carla@example.org")

    assert result.already_invited == ["anna@example.org"]
    assert result.already_enrolled == ["bert@example.org"]
    assert [m.to for m in mail.outbox] == [["carla@example.org"]]


def test_nothing_is_half_done_when_one_invitation_fails(cohort, trainer, monkeypatch):
    original = CohortInvitation.objects.create
    calls = []

    def create(**kwargs):
        calls.append(kwargs["email"])
        if len(calls) == 2:
            raise IntegrityError("simulated race")
        return original(**kwargs)

    monkeypatch.setattr(CohortInvitation.objects, "create", create)
    with pytest.raises(invitations.InvitationError):
        invite(cohort, trainer, "anna@example.org bert@example.org")

    assert not CohortInvitation.objects.exists()
    assert mail.outbox == []


def test_the_database_allows_one_open_invitation_per_address(cohort, trainer):
    CohortInvitation.objects.create(cohort=cohort, email="anna@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        CohortInvitation.objects.create(cohort=cohort, email="anna@example.org")


def test_a_withdrawn_address_can_be_invited_again(cohort, trainer):
    [first] = invite(cohort, trainer, "anna@example.org").invited
    invitations.invitation_withdraw(invitation=first, user=trainer)

    result = invite(cohort, trainer, "anna@example.org")

    assert len(result.invited) == 1


# --- Resend, withdraw, accept --------------------------------------------------


def test_resending_gives_a_new_link_and_the_old_one_stops_working(cohort, trainer, client):
    [invitation] = invite(cohort, trainer, "anna@example.org").invited
    old_token = invitation.token

    with _commit():
        invitations.invitation_resend(invitation=invitation, user=trainer)

    invitation.refresh_from_db()
    assert invitation.token != old_token
    assert len(mail.outbox) == 2
    assert client.get(reverse("learning:personal_invite", args=[old_token])).status_code == 404
    assert ModelLogEntry.objects.filter(action="learning.invitation_resend").count() == 1


def test_a_withdrawn_invitation_cannot_be_accepted_or_resent(cohort, trainer):
    [invitation] = invite(cohort, trainer, "anna@example.org").invited
    invitations.invitation_withdraw(invitation=invitation, user=trainer)

    with pytest.raises(InviteInvalid):
        invitations.invitation_accept(token=invitation.token, learner=UserFactory())
    with pytest.raises(invitations.InvitationNotOpen):
        invitations.invitation_resend(invitation=invitation, user=trainer)


def test_accepting_joins_the_cohort_and_binds_the_invitation_to_the_account(cohort, trainer):
    [invitation] = invite(cohort, trainer, "anna@example.org").invited
    learner = UserFactory(email="anna.privé@example.org")

    enrolment = invitations.invitation_accept(token=invitation.token, learner=learner)
    again = invitations.invitation_accept(token=invitation.token, learner=learner)

    invitation.refresh_from_db()
    assert enrolment == again
    assert enrolment.cohort == cohort
    assert invitation.accepted_by == learner
    with pytest.raises(InviteInvalid):
        invitations.invitation_accept(token=invitation.token, learner=UserFactory())


def test_accepting_follows_the_cohorts_rules(trainer):
    cohort = CohortFactory(capacity=1, trainers=[trainer])
    EnrolmentFactory(cohort=cohort)
    [invitation] = invite(cohort, trainer, "anna@example.org").invited

    with pytest.raises(CohortFull):
        invitations.invitation_accept(token=invitation.token, learner=UserFactory())
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_the_invitation_page_lets_a_signed_in_learner_join(cohort, trainer, client):
    [invitation] = invite(cohort, trainer, "anna@example.org").invited
    learner = UserFactory()
    url = reverse("learning:personal_invite", args=[invitation.token])

    anonymous = client.get(url)
    assert anonymous.status_code == 200
    assert (
        anonymous["Cache-Control"].startswith("no-store")
        or "no-store" in anonymous["Cache-Control"]
    )
    client.force_login(learner)
    response = client.post(url)

    assert response.status_code == 302
    assert Enrolment.objects.get(learner=learner).cohort == cohort


def test_an_unknown_link_is_a_friendly_404(client):
    response = client.get(reverse("learning:personal_invite", args=["niet-bestaand"]))
    assert response.status_code == 404
    assert "uitnodiging" in response.content.decode().lower()


# --- The admin views -------------------------------------------------------------


def bulk_url(cohort):
    return reverse("cohorts:invite_bulk", args=[cohort.pk])


def test_trainer_invites_by_pasting_and_sees_what_was_not_sent(cohort, trainer, client):
    login_with_mfa(client, trainer)

    response = client.post(
        bulk_url(cohort), {"addresses": "anna@example.org\nanna@example.org\nxx"}
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "anna@example.org" in page and "xx" in page
    assert CohortInvitation.objects.count() == 1


def test_trainer_invites_by_uploading_a_csv(cohort, trainer, client):
    login_with_mfa(client, trainer)
    upload = SimpleUploadedFile("lijst.csv", b"email\nanna@example.org\nbert@example.org\n")

    client.post(bulk_url(cohort), {"addresses": "", "csv_file": upload})

    assert CohortInvitation.objects.count() == 2


def test_an_empty_form_gets_a_friendly_error(cohort, trainer, client):
    login_with_mfa(client, trainer)
    response = client.post(bulk_url(cohort), {"addresses": "  "})
    assert response.status_code == 200
    assert CohortInvitation.objects.count() == 0


def test_pending_invitations_are_listed_on_the_cohort_page_and_can_be_withdrawn(
    cohort, trainer, client
):
    [invitation] = invite(cohort, trainer, "anna@example.org").invited
    login_with_mfa(client, trainer)

    row = '<th scope="row">anna@example.org</th>'
    page = client.get(reverse("cohorts:edit", args=[cohort.pk])).content.decode()
    assert row in page
    client.post(reverse("cohorts:invitation_withdraw", args=[cohort.pk, invitation.pk]))

    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None
    assert row not in client.get(reverse("cohorts:edit", args=[cohort.pk])).content.decode()


@pytest.mark.parametrize("name", ["invitation_resend", "invitation_withdraw"])
def test_another_trainers_invitations_are_a_404(cohort, trainer, client, name):
    [invitation] = invite(cohort, trainer, "anna@example.org").invited
    stranger = TrainerFactory()
    own = CohortFactory(trainers=[stranger])
    login_with_mfa(client, stranger)

    assert client.get(bulk_url(cohort)).status_code == 404
    assert (
        client.post(reverse(f"cohorts:{name}", args=[cohort.pk, invitation.pk])).status_code == 404
    )
    # Nor through their own cohort's URL.
    assert client.post(reverse(f"cohorts:{name}", args=[own.pk, invitation.pk])).status_code == 404
    invitation.refresh_from_db()
    assert invitation.is_open


def test_resend_and_withdraw_take_post_only(cohort, trainer, client):
    [invitation] = invite(cohort, trainer, "anna@example.org").invited
    login_with_mfa(client, trainer)
    assert (
        client.get(
            reverse("cohorts:invitation_withdraw", args=[cohort.pk, invitation.pk])
        ).status_code
        == 405
    )


LONG_ADDRESS = "e" * 290 + "@example.org"


def test_an_address_longer_than_254_characters_is_invalid_not_cut():
    parsed = invitations.addresses_parse(text=f"anna@example.org\n{LONG_ADDRESS}")

    assert parsed.valid == ["anna@example.org"]
    assert parsed.invalid == [LONG_ADDRESS]


def test_the_trainer_sees_a_long_address_reported_and_nothing_sent_to_it(cohort, trainer, client):
    login_with_mfa(client, trainer)

    for _attempt in range(2):
        response = client.post(bulk_url(cohort), {"addresses": LONG_ADDRESS})
        assert response.status_code == 200
    assert CohortInvitation.objects.count() == 0
