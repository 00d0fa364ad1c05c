"""Sign up with email and password, verify the address, then log in."""

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.accounts.helpers import NEW_PASSWORD, link_in

pytestmark = pytest.mark.django_db

User = get_user_model()


def sign_up(client, **data):
    form = {
        "display_name": "Sanne de Boer",
        "email": "Sanne@Example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    form.update(data)
    return client.post(reverse("account_signup"), form)


def log_in(client, email="sanne@example.org", password=NEW_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_sign_up_creates_the_user_and_sends_one_verification_email(client):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="sanne@example.org")
    assert user.display_name == "Sanne de Boer"
    assert user.check_password(NEW_PASSWORD)
    assert user.preferred_language == "nl"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sanne@example.org"]
    assert message.subject.startswith("[Lotgenoot Academie] ")
    assert link_in(message).startswith("/account/confirm-email/")
    assert "_auth_user_id" not in client.session


def test_sign_up_in_english_stores_english_as_the_preferred_language(client):
    client.cookies["django_language"] = "en"
    sign_up(client)
    assert User.objects.get(email="sanne@example.org").preferred_language == "en"


def test_cannot_log_in_before_verifying(client):
    sign_up(client)
    other_browser = client.__class__()

    response = log_in(other_browser)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in other_browser.session


def test_following_the_link_from_the_email_verifies_the_address(client):
    sign_up(client)
    link = link_in(mail.outbox[0])
    other_browser = client.__class__()

    page = other_browser.get(link)
    assert page.status_code == 200
    assert not EmailAddress.objects.get(email="sanne@example.org").verified
    confirmed = other_browser.post(link)

    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(email="sanne@example.org").verified
    response = log_in(other_browser)
    assert response.status_code == 302
    assert response["Location"] == "/mijn/"
    assert other_browser.session["_auth_user_id"] == str(User.objects.get().pk)


def test_confirming_in_the_browser_that_signed_up_logs_in(client):
    sign_up(client)
    client.post(link_in(mail.outbox[0]))
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


@pytest.mark.parametrize(
    ("password", "code"),
    [
        pytest.param("kort12!xy", "password_too_short", id="too-short"),
        pytest.param("qwertyuiop", "password_too_common", id="too-common"),
    ],
)
def test_weak_password_is_refused_and_the_typed_values_are_kept(client, password, code):
    response = sign_up(client, password1=password, password2=password)

    assert response.status_code == 200
    assert not User.objects.exists()
    assert len(mail.outbox) == 0
    errors = response.context["form"].errors.as_data()
    assert code in {error.code for error in errors["password1"]}

    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", {"name": "email"})["value"] == "Sanne@Example.org"
    assert soup.find("input", {"name": "display_name"})["value"] == "Sanne de Boer"
    for name in ("password1", "password2"):
        assert not soup.find("input", {"name": name}).has_attr("value")
    # The error is announced, tied to its input, and listed at the top.
    password_input = soup.find("input", {"name": "password1"})
    assert password_input["aria-invalid"] == "true"
    assert "id_password1_error" in password_input["aria-describedby"].split()
    assert soup.find(id="id_password1_error") is not None
    summary = soup.find(class_="error-summary")
    assert summary["role"] == "alert"
    assert summary.find("a", href="#id_password1") is not None


def test_sign_up_with_an_address_that_has_an_account_creates_nothing(client, verified_user):
    response = sign_up(client, email="SANNE@example.org")

    # Same answer as for a new address (no account enumeration) ...
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    # ... but no second account, and the owner is told by email.
    assert User.objects.count() == 1
    assert mail.outbox[0].to == ["sanne@example.org"]
