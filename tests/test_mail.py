"""`training.mail`: one way to send an email.

Plain-text emails are text (names and titles arrive as written, not HTML-escaped), in the
recipient's language, from the one sender address, with links on the site's public address.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import get_language

from tests.factories import AssociationFactory, CohortFactory, TrainerFactory, UserFactory
from training.accounts.services import user_email_mark_verified
from training.associations.emails import invitation_email_send
from training.associations.models import AssociationInvitation
from training.learning.models import CohortInvitation
from training.learning.notifications import send_cohort_invitation
from training.mail import absolute_url, email_render, email_send

pytestmark = pytest.mark.django_db

NAME = "Anne & Piet <\"de 'Vries'\">"
TITLE = 'Luisteren & doorvragen <deel "1">'
ESCAPES = ("&amp;", "&lt;", "&gt;", "&quot;", "&#x27;", "&#39;")


def assert_plain(text):
    assert not [escape for escape in ESCAPES if escape in text], text


@pytest.fixture
def user(db):
    return UserFactory(display_name=NAME)


def test_the_text_renderer_leaves_special_characters_alone(user):
    subject, body = email_render(
        "assessments/email/approved", {"user": user, "assignment": {"title": TITLE}, "url": "/x"}
    )
    assert f"Hallo {NAME}," in body
    assert TITLE in body
    assert_plain(subject + body)


@pytest.mark.parametrize("template", ["issued", "expiry_reminder"])
def test_certificate_emails_are_plain_text(user, template):
    certificate = SimpleNamespace(
        course_title=TITLE, valid_until=datetime.date(2027, 5, 1), display_code="K7QM-4TXN"
    )
    email_send(
        to=user.email,
        user=user,
        template=f"certificates/email/{template}",
        context={
            "certificate": certificate,
            "verification_url": "https://x/?a=1&b=2",
            "days_left": 30,
        },
    )
    [message] = mail.outbox
    assert NAME in message.body and TITLE in message.subject
    assert_plain(message.subject + message.body)


@pytest.mark.parametrize(
    "template", ["approved", "revision_requested", "feedback_received", "concern_raised"]
)
def test_reflection_emails_are_plain_text(user, template):
    email_send(
        to=user.email,
        user=user,
        template=f"assessments/email/{template}",
        context={
            "assignment": SimpleNamespace(title=TITLE),
            "cohort": SimpleNamespace(name=TITLE),
            "url": "https://x/?a=1&b=2",
        },
    )
    [message] = mail.outbox
    assert NAME in message.body and TITLE in message.body
    assert_plain(message.subject + message.body)


def test_allauth_emails_are_plain_text(client, settings):
    settings.WAGTAIL_SITE_NAME = "Anne & Piet's <academie>"
    user_email_mark_verified(UserFactory(email="anne@example.org", display_name=NAME))
    client.post(reverse("account_reset_password"), {"email": "anne@example.org"})
    [message] = mail.outbox
    assert "Anne & Piet's <academie>" in message.body
    assert_plain(message.subject + message.body)


def test_a_cohort_invitation_names_the_trainer_as_written(db):
    trainer = TrainerFactory(display_name=NAME)
    cohort = CohortFactory(name=TITLE, trainers=[trainer])
    invitation = CohortInvitation.objects.create(
        cohort=cohort, email="nieuw@example.org", invited_by=trainer
    )
    send_cohort_invitation.call(invitation.pk)
    [message] = mail.outbox
    assert TITLE in message.body
    assert_plain(message.subject + message.body)


def test_an_association_invitation_names_the_association_as_written(db):
    """It was rendered with HTML escaping: "Hart &amp; Vaat" in a text/plain email."""
    association = AssociationFactory(name="Vereniging Hart & Vaat <Noord>")
    invitation = AssociationInvitation.objects.create(
        association=association, email="nieuw@example.org", kind="staff"
    )
    invitation_email_send(invitation=invitation)
    [message] = mail.outbox
    assert "Vereniging Hart & Vaat <Noord>" in message.subject + message.body
    assert_plain(message.subject + message.body)


def test_email_send_uses_the_recipients_language_and_the_one_sender(settings):
    settings.DEFAULT_FROM_EMAIL = "academie@example.org"
    settings.WAGTAILADMIN_BASE_URL = "https://academie.example.nl/"
    english = UserFactory(preferred_language="en")
    email_send(
        to=english.email,
        user=english,
        template="assessments/email/approved",
        context={"assignment": SimpleNamespace(title="T"), "url": absolute_url("/mijn/")},
        attachments=[("taal.txt", get_language, "text/plain")],
    )
    [message] = mail.outbox
    assert message.from_email == "academie@example.org"
    assert message.to == [english.email]
    assert "https://academie.example.nl/mijn/" in message.body
    assert message.attachments[0][1] == "en"
    assert message.body.startswith("Hello ")


def test_absolute_url_leaves_an_absolute_url_alone(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://academie.example.nl/"
    assert absolute_url("/a/") == "https://academie.example.nl/a/"
    assert absolute_url("https://elders.example.org/b") == "https://elders.example.org/b"


def test_every_email_goes_through_email_send():
    """One way to send mail: no module but `training/mail.py` builds or sends one itself
    (allauth's adapter hands its own emails to allauth, which is not ours to reroute)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "training"
    senders = ("send_mail(", "EmailMessage(", "EmailMultiAlternatives(", "send_mass_mail(")
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "mail.py" or path.parent != root
        if "migrations" not in path.parts
        if any(sender in path.read_text() for sender in senders)
    ]
    assert offenders == ["accounts/adapter.py"]
