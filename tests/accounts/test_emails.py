"""allauth's emails: translated templates, the site's name, the reader's language."""

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def request_reset(client, email="sanne@example.org"):
    client.post(reverse("account_reset_password"), {"email": email})
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def test_emails_name_the_site_and_use_the_subject_prefix(client, verified_user):
    message = request_reset(client)

    assert message.subject.startswith("[Lotgenoot Academie] ")
    assert "Lotgenoot Academie" in message.body
    assert message.from_email == "Lotgenoot Academie <noreply@example.org>"


def test_emails_are_in_dutch_by_default(client, verified_user):
    message = request_reset(client)

    assert message.subject == "[Lotgenoot Academie] Nieuw wachtwoord"
    assert "Hallo van Lotgenoot Academie!" in message.body


def test_emails_follow_the_readers_preferred_language(client, verified_user):
    verified_user.preferred_language = "en"
    verified_user.save()

    message = request_reset(client)  # asked for on the Dutch site

    assert message.subject == "[Lotgenoot Academie] Password Reset Email"
    assert "Hello from Lotgenoot Academie!" in message.body
