"""Wagtail's Users screen: the email address is changed only through the verified flow."""

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import UserFactory, login_with_mfa
from training.accounts.services import user_email_mark_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
    user_email_mark_verified(admin)
    return login_with_mfa(client, admin)


def test_a_new_email_posted_in_the_users_screen_changes_nothing(admin_client, verified_user):
    url = reverse("wagtailusers_users:edit", args=[verified_user.pk])

    response = admin_client.post(
        url,
        {
            "email": "overgenomen@example.org",
            "display_name": "Sanne de Boer-Jansen",
            "pseudonym": "",
            "preferred_language": "nl",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    verified_user.refresh_from_db()
    assert verified_user.email == "sanne@example.org"
    assert verified_user.display_name == "Sanne de Boer-Jansen"  # the rest still saves
    assert list(
        EmailAddress.objects.filter(user=verified_user).values_list("email", flat=True)
    ) == ["sanne@example.org"]


def test_the_users_screen_shows_the_email_read_only_and_says_why(admin_client, verified_user):
    response = admin_client.get(reverse("wagtailusers_users:edit", args=[verified_user.pk]))

    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find("input", {"name": "email"})
    assert field["value"] == "sanne@example.org"
    assert field.has_attr("disabled")
    assert "Alleen de persoon zelf kan het e-mailadres wijzigen" in soup.text


def test_a_new_account_still_gets_an_email_address(admin_client):
    response = admin_client.get(reverse("wagtailusers_users:add"))

    field = BeautifulSoup(response.content, "html.parser").find("input", {"name": "email"})
    assert not field.has_attr("disabled")
