"""Resetting a forgotten password and changing a known one."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.helpers import NEW_PASSWORD, link_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_password_reset_sends_an_email_and_the_link_sets_a_new_password(client, verified_user):
    response = client.post(reverse("account_reset_password"), {"email": "Sanne@example.org"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sanne@example.org"]
    assert message.subject.startswith("[Lotgenoot Academie] ")

    form_page = client.get(link_in(message), follow=True)
    assert form_page.status_code == 200
    assert "form" in form_page.context and not form_page.context.get("token_fail")
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert done.status_code == 302
    assert done["Location"] == reverse("account_reset_password_from_key_done")
    verified_user.refresh_from_db()
    assert verified_user.check_password(NEW_PASSWORD)
    assert not verified_user.check_password(PASSWORD)
    fresh = client.__class__()
    fresh.post(reverse("account_login"), {"login": "sanne@example.org", "password": NEW_PASSWORD})
    assert fresh.session["_auth_user_id"] == str(verified_user.pk)


def test_password_reset_link_works_only_once(client, verified_user):
    client.post(reverse("account_reset_password"), {"email": "sanne@example.org"})
    link = link_in(mail.outbox[0])
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    again = client.__class__().get(link, follow=True)

    assert again.context["token_fail"]


def test_password_reset_refuses_a_weak_new_password(client, verified_user):
    client.post(reverse("account_reset_password"), {"email": "sanne@example.org"})
    set_password_url = client.get(link_in(mail.outbox[0]), follow=True).redirect_chain[-1][0]

    response = client.post(set_password_url, {"password1": "kort", "password2": "kort"})

    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    verified_user.refresh_from_db()
    assert verified_user.check_password(PASSWORD)


def test_change_password_keeps_the_user_logged_in(client, verified_user):
    client.force_login(verified_user)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    verified_user.refresh_from_db()
    assert verified_user.check_password(NEW_PASSWORD)
    assert client.session["_auth_user_id"] == str(verified_user.pk)
    # ACCOUNT_EMAIL_NOTIFICATIONS: the owner hears about the change.
    assert [m.to for m in mail.outbox] == [["sanne@example.org"]]


def test_change_password_needs_the_current_password(client, verified_user):
    client.force_login(verified_user)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "geraden-wachtwoord", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["oldpassword"]
    verified_user.refresh_from_db()
    assert verified_user.check_password(PASSWORD)
