"""Failed-login limits that slow an attacker down without locking the owner out.

Wrong passwords are counted per client (IP address) and per account on that
client, never per account alone; a throttled attempt answers 429 in Dutch; and
the owner can always sign in with a code sent to their email address.
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from training.accounts.services import user_email_mark_verified

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
OWNER = "198.51.100.7"
WRONG = "niet-mijn-wachtwoord"


def log_in(client, email, password=PASSWORD, ip=OWNER):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip
    )


def test_wrong_passwords_from_elsewhere_do_not_lock_the_owner_out(client, verified_user):
    attacker = client.__class__()
    for _attempt in range(8):
        log_in(attacker, "sanne@example.org", WRONG, ip=ATTACKER)

    response = log_in(client, "sanne@example.org", ip=OWNER)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(verified_user.pk)


def test_the_sixth_wrong_password_from_one_client_gets_429_in_dutch(client, verified_user):
    for _attempt in range(5):
        assert log_in(client, "sanne@example.org", WRONG, ip=ATTACKER).status_code == 200

    response = log_in(client, "sanne@example.org", PASSWORD, ip=ATTACKER)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "nl"
    assert "Te veel inlogpogingen" in soup.h1.text
    # The way out for the owner: a sign-in code by email.
    assert soup.find("a", href=reverse("account_request_login_code")) is not None
    assert "no-store" in response["Cache-Control"]


def test_one_client_trying_many_accounts_is_throttled(client, db):
    for number in range(10):
        log_in(client, f"iemand{number}@example.org", WRONG, ip=ATTACKER)

    response = log_in(client, "nog-iemand@example.org", WRONG, ip=ATTACKER)

    assert response.status_code == 429


def test_a_successful_login_does_not_reset_the_count_for_a_guessing_client(client, verified_user):
    """allauth rolls back only the successful attempt: the failures still count."""
    for _attempt in range(4):
        log_in(client, "sanne@example.org", WRONG, ip=ATTACKER)
    assert log_in(client.__class__(), "sanne@example.org", ip=ATTACKER).status_code == 302

    assert log_in(client, "sanne@example.org", WRONG, ip=ATTACKER).status_code == 200
    assert log_in(client, "sanne@example.org", WRONG, ip=ATTACKER).status_code == 429


def sign_in_code(message):
    match = re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]+)*)\s*$", message.body, re.MULTILINE)
    assert match, message.body
    return match.group(1)


def test_owner_on_a_throttled_client_signs_in_with_an_emailed_code(client, verified_user):
    # Somebody on the same network (an association's office) guessed wrongly.
    for _attempt in range(6):
        log_in(client.__class__(), "sanne@example.org", WRONG, ip=ATTACKER)

    client.post(
        reverse("account_request_login_code"), {"email": "sanne@example.org"}, REMOTE_ADDR=ATTACKER
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sanne@example.org"]
    assert message.subject == "[Lotgenoot Academie] Je inlogcode"
    response = client.post(
        reverse("account_confirm_login_code"), {"code": sign_in_code(message)}, REMOTE_ADDR=ATTACKER
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(verified_user.pk)


def test_a_wrong_code_three_times_ends_the_code_and_asks_again(client, verified_user):
    client.post(reverse("account_request_login_code"), {"email": "sanne@example.org"})
    for _attempt in range(3):
        response = client.post(reverse("account_confirm_login_code"), {"code": "AAAAAA"})

    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"] == reverse("account_request_login_code")


def test_sign_in_codes_for_one_address_are_limited(client, verified_user):
    for _attempt in range(5):
        client.__class__().post(
            reverse("account_request_login_code"), {"email": "sanne@example.org"}
        )

    assert len(mail.outbox) == 3


def test_a_code_for_an_unknown_address_reveals_nothing(client, db):
    UserFactory(email="iemand@example.org")  # exists, but is not the one asked for
    response = client.post(reverse("account_request_login_code"), {"email": "onbekend@example.org"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_confirm_login_code")
    # The same answer as for a real account; the mail offers to sign up instead.
    assert [m.to for m in mail.outbox] == [["onbekend@example.org"]]
    assert "http://testserver/account/signup/" in mail.outbox[0].body


def test_login_page_offers_the_code_in_dutch(client, home_page):
    soup = BeautifulSoup(client.get(reverse("account_login")).content, "html.parser")

    link = soup.find("a", href=reverse("account_request_login_code"))
    assert link.text.strip() == "Stuur me een inlogcode"


@pytest.fixture
def second_user(db):
    user = UserFactory(email="joost@example.org")
    user_email_mark_verified(user)
    return user


def test_limits_for_one_account_leave_other_accounts_on_that_client_alone(
    client, verified_user, second_user
):
    for _attempt in range(5):
        log_in(client, "sanne@example.org", WRONG, ip=ATTACKER)

    assert log_in(client, "joost@example.org", ip=ATTACKER).status_code == 302
