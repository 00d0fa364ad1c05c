"""Every account page is drawn in the site's layout and is accessible."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db

VISITOR_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
]
MEMBER_PAGES = [
    "account_email",
    "account_change_password",
    "account_logout",
    "accounts:profile",
    "mfa_index",
]


def page(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def assert_accessible_site_page(soup):
    # The site's own layout: header with its navigation, skip link, footer.
    assert soup.find("header", class_="site-header") is not None
    assert soup.find("a", class_="skip-link")["href"] == "#main"
    assert soup.find("footer", class_="site-footer") is not None
    assert soup.html["lang"] == "nl"
    assert soup.title.text.strip().endswith("Lotgenoot Academie")
    assert len(soup.find_all("h1")) == 1
    main = soup.find("main")
    for field in main.select("input:not([type=hidden]), select, textarea"):
        label = soup.find("label", attrs={"for": field.get("id")})
        assert field.get("id") and label is not None and label.text.strip(), field
    for field in main.select("input[type=email], input[type=password]"):
        if not field.has_attr("disabled"):
            assert field.get("autocomplete") in {"email", "current-password", "new-password"}, field
    for button in main.select("form button"):
        assert "button" in button["class"] or "link-button" in button["class"], button


@pytest.mark.parametrize("url_name", VISITOR_PAGES)
def test_visitor_pages(client, home_page, url_name):
    assert_accessible_site_page(page(client, url_name))


@pytest.mark.parametrize("url_name", MEMBER_PAGES)
def test_member_pages(client, home_page, verified_user, url_name):
    client.force_login(verified_user)
    soup = page(client, url_name)

    assert_accessible_site_page(soup)
    account_nav = soup.find("nav", class_="account-nav")
    if url_name != "account_logout":
        assert account_nav.find("a", attrs={"aria-current": "page"})["href"] == reverse(url_name)


def test_login_form_fields_use_the_site_markup(client, home_page):
    soup = page(client, "account_login")
    form = soup.find("main").find("form", method="post")

    assert form["action"] == reverse("account_login")
    assert [div.find(["input"])["name"] for div in form.find_all("div", class_="field")] == [
        "login",
        "password",
        "remember",
    ]
    login = form.find("input", {"name": "login"})
    assert (login["type"], login["autocomplete"]) == ("email", "email")
    assert form.find("button", type="submit")["class"] == ["button"]
