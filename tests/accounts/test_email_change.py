"""Changing the account's email address: verified before it replaces the old one."""

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from tests.accounts.helpers import link_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_change_email_takes_effect_after_verifying_the_new_address(client, verified_user):
    client.force_login(verified_user)

    response = client.post(
        reverse("account_email"), {"email": "Sanne.Nieuw@example.org", "action_add": ""}
    )

    assert response.status_code == 302
    verified_user.refresh_from_db()
    assert verified_user.email == "sanne@example.org"  # not before it is verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sanne.nieuw@example.org"]
    page = BeautifulSoup(client.get(reverse("account_email")).content, "html.parser")
    assert page.find("input", {"value": "sanne.nieuw@example.org"}) is not None  # shown as pending

    link = link_in(mail.outbox[0])
    client.post(link)

    verified_user.refresh_from_db()
    assert verified_user.email == "sanne.nieuw@example.org"
    assert list(
        EmailAddress.objects.filter(user=verified_user).values_list("email", "verified", "primary")
    ) == [("sanne.nieuw@example.org", True, True)]
    # The new address logs in, the old one no longer does.
    new_browser = client.__class__()
    new_browser.post(
        reverse("account_login"), {"login": "sanne.nieuw@example.org", "password": PASSWORD}
    )
    assert new_browser.session["_auth_user_id"] == str(verified_user.pk)
    old_browser = client.__class__()
    old_browser.post(reverse("account_login"), {"login": "sanne@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in old_browser.session


def test_change_email_refuses_an_invalid_address_and_keeps_it(client, verified_user):
    client.force_login(verified_user)

    response = client.post(
        reverse("account_email"), {"email": "sanne-at-example", "action_add": ""}
    )

    assert response.status_code == 200
    assert len(mail.outbox) == 0
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find("input", {"name": "email"})
    assert field["value"] == "sanne-at-example"
    assert field["aria-invalid"] == "true"
    assert soup.find(id=field["aria-describedby"].split()[-1]).name == "ul"
    assert soup.find(class_="error-summary").find("a", href="#id_email") is not None


def test_email_page_needs_login(client):
    response = client.get(reverse("account_email"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
