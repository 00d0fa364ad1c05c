"""Logging in and out, session rotation and allauth's failed-login limit."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def log_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def errors_of(response):
    return {error.code for error in response.context["form"].errors.as_data().get("__all__", [])}


@pytest.mark.parametrize(
    "typed", ["sanne@example.org", "SANNE@Example.Org", "  Sanne@example.org "]
)
def test_login_with_email_ignores_case(client, verified_user, typed):
    response = log_in(client, typed)

    assert response.status_code == 302
    assert response["Location"] == "/mijn/"
    assert client.session["_auth_user_id"] == str(verified_user.pk)


def test_login_rotates_the_session_key(client, verified_user):
    session = client.session
    session["seen_intro"] = True
    session.save()
    key_before = session.session_key

    log_in(client, "sanne@example.org")

    key_after = client.cookies["sessionid"].value
    assert client.session["_auth_user_id"] == str(verified_user.pk)
    assert key_after != key_before
    assert not session.exists(key_before)


def test_wrong_password_is_refused_and_keeps_the_email(client, verified_user):
    response = log_in(client, "Sanne@example.org", "niet-mijn-wachtwoord")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert errors_of(response) == {"email_password_mismatch"}
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", {"name": "login"})["value"] == "Sanne@example.org"
    assert not soup.find("input", {"name": "password"}).has_attr("value")
    assert soup.find(class_="error-summary") is not None


def test_failed_logins_below_the_limit_do_not_block(client, verified_user):
    for _attempt in range(4):
        log_in(client, "sanne@example.org", "niet-mijn-wachtwoord")

    response = log_in(client, "sanne@example.org")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(verified_user.pk)


def test_repeated_failed_logins_block_this_client_even_the_right_password(client, verified_user):
    """Only on this client: see test_login_throttle.py for the owner elsewhere."""
    for _attempt in range(5):
        log_in(client, "sanne@example.org", "niet-mijn-wachtwoord")

    response = log_in(client, "sanne@example.org")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_logout_needs_a_post(client, verified_user):
    client.force_login(verified_user)

    page = client.get(reverse("account_logout"))
    assert page.status_code == 200
    assert client.session["_auth_user_id"] == str(verified_user.pk)

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_header_offers_login_and_sign_up_to_visitors(client, home_page):
    soup = BeautifulSoup(client.get("/zoeken/").content, "html.parser")
    nav = soup.find("nav", class_="site-nav")

    hrefs = {a["href"] for a in nav.find_all("a")}
    assert {reverse("account_login"), reverse("account_signup")} <= hrefs
    assert "/mijn/" not in hrefs
    assert nav.find("form", action=reverse("account_logout")) is None


def test_header_offers_learning_profile_and_logout_to_members(client, verified_user, home_page):
    client.force_login(verified_user)
    soup = BeautifulSoup(client.get("/zoeken/").content, "html.parser")
    nav = soup.find("nav", class_="site-nav")

    hrefs = {a["href"] for a in nav.find_all("a")}
    assert {"/mijn/", reverse("accounts:profile")} <= hrefs
    assert reverse("account_login") not in hrefs
    logout = nav.find("form", action=reverse("account_logout"))
    assert logout["method"] == "post"
    assert logout.find("input", {"name": "csrfmiddlewaretoken"}) is not None
    assert logout.find("button", type="submit") is not None
