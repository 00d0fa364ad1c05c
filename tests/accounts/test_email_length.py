"""An e-mail address longer than 254 characters is refused kindly, never cut or a 500.

allauth's sign-up field has no length limit and its `user_field()` cuts the value
to the column's 254 characters: the account was stored as 254 "e"s without "@" or
domain, and a second such sign-up hit the unique constraint (500). Every form that
takes an address uses `training.accounts.validators.validate_email_address`.
"""

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.accounts.helpers import NEW_PASSWORD
from tests.factories import UserFactory, login_with_mfa

pytestmark = pytest.mark.django_db

User = get_user_model()
LONG = "e" * 290 + "@example.org"
TOO_LONG_NL = "langer dan 254 tekens"


def errors_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def sign_up(client, email=LONG):
    return client.post(
        reverse("account_signup"),
        {
            "display_name": "Sanne de Boer",
            "email": email,
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )


def test_the_validator_allows_254_characters_and_refuses_255():
    from training.accounts.validators import EMAIL_MAX_LENGTH, validate_email_address

    at_limit = "e" * (EMAIL_MAX_LENGTH - len("@example.org")) + "@example.org"
    validate_email_address(at_limit)
    with pytest.raises(ValidationError) as error:
        validate_email_address("e" + at_limit)
    assert error.value.code == "email_too_long"
    with pytest.raises(ValidationError):
        validate_email_address("geen-adres")


def test_sign_up_with_a_long_address_is_refused_in_dutch_and_stores_nothing(client):
    response = sign_up(client)

    assert response.status_code == 200
    assert TOO_LONG_NL in errors_of(response)
    assert not User.objects.exists() and not EmailAddress.objects.exists()
    assert mail.outbox == []
    # Twice, and again with the address cut to 254: never a 500.
    assert sign_up(client).status_code == 200
    assert sign_up(client, email=LONG.upper()).status_code == 200
    assert not User.objects.exists()


def test_a_long_address_cannot_be_added_to_an_account(client, verified_user):
    client.force_login(verified_user)

    response = client.post(reverse("account_email"), {"email": LONG, "action_add": ""})

    assert response.status_code == 200
    assert TOO_LONG_NL in errors_of(response)
    assert list(EmailAddress.objects.values_list("email", flat=True)) == ["sanne@example.org"]
    assert mail.outbox == []


def test_a_sign_in_code_for_a_long_address_is_refused(client, verified_user):
    response = client.post(reverse("account_request_login_code"), {"email": LONG})

    assert response.status_code == 200
    assert TOO_LONG_NL in errors_of(response)
    assert mail.outbox == []


def test_a_password_reset_for_a_long_address_is_refused(client, verified_user):
    response = client.post(reverse("account_reset_password"), {"email": LONG})

    assert response.status_code == 200
    assert TOO_LONG_NL in errors_of(response)


def test_the_admin_cannot_create_an_account_with_a_long_address(client):
    login_with_mfa(client, UserFactory(is_superuser=True))
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": LONG,
            "display_name": "Lange Naam",
            "preferred_language": "nl",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 200
    assert TOO_LONG_NL in errors_of(response)
    assert not User.objects.filter(display_name="Lange Naam").exists()
