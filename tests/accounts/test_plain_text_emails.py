"""Plain-text emails are text: names and titles arrive as written, not HTML-escaped."""

import datetime
from types import SimpleNamespace

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory
from training.accounts.emails import email_render
from training.accounts.services import user_email_mark_verified
from training.assessments import notifications
from training.certificates.services.mail import _send as certificate_email_send

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
    certificate_email_send(
        user,
        f"certificates/email/{template}",
        {"certificate": certificate, "verification_url": "https://x/?a=1&b=2", "days_left": 30},
    )
    [message] = mail.outbox
    assert NAME in message.body and TITLE in message.subject
    assert_plain(message.subject + message.body)


@pytest.mark.parametrize(
    "template", ["approved", "revision_requested", "feedback_received", "concern_raised"]
)
def test_reflection_emails_are_plain_text(user, template):
    notifications._send(
        user=user,
        template=template,
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
