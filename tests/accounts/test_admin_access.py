"""One login page for the site and the Wagtail admin."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory, login_with_mfa, totp_code, totp_set_up
from training.accounts.services import user_email_mark_verified

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


@pytest.fixture
def admin_user(db):
    user = UserFactory(email="beheer@example.org", is_staff=True, is_superuser=True)
    user_email_mark_verified(user)
    return user


def test_admin_sends_visitors_to_the_site_login_page(client):
    response = client.get("/beheer/pages/", follow=True)

    assert response.redirect_chain[-1][0] == f"{LOGIN}?next=%2Fbeheer%2Fpages%2F"
    assert response.status_code == 200


def test_wagtails_own_login_form_is_not_used(client):
    response = client.get("/beheer/login/?next=/beheer/", follow=True)

    assert response.redirect_chain[-1][0] == f"{LOGIN}?next=%2Fbeheer%2F"


def test_superuser_reaches_the_admin_after_logging_in(client, admin_user):
    totp_set_up(admin_user)
    response = client.post(
        f"{LOGIN}?next=/beheer/", {"login": "Beheer@example.org", "password": PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})

    assert response.status_code == 302
    assert response["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200
    assert client.get("/beheer/pages/").status_code == 200


def test_learner_opening_the_admin_is_sent_to_their_dashboard_not_in_a_loop(client, verified_user):
    client.force_login(verified_user)

    first = client.get("/beheer/")
    second = client.get(first["Location"])

    assert second.status_code == 302
    assert second["Location"] == "/mijn/"
    assert client.session["_auth_user_id"] == str(verified_user.pk)


def test_wagtail_logout_ends_on_the_site_login_page(client, admin_user):
    login_with_mfa(client, admin_user)

    response = client.post(reverse("wagtailadmin_logout"), follow=True)

    assert response.redirect_chain[-1][0] == LOGIN
    assert "_auth_user_id" not in client.session


def test_wagtail_account_settings_leave_email_and_password_to_the_site(client, admin_user):
    login_with_mfa(client, admin_user)

    response = client.get(reverse("wagtailadmin_account"))

    assert response.status_code == 200
    assert b'name="name_email-email"' not in response.content
    assert b'name="password-new_password1"' not in response.content
    assert client.get("/beheer/password_reset/").status_code == 404
