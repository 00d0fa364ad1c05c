"""The profile page: name, pseudonym, language; and the language that follows the user."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import UserFactory
from training.accounts.forms import PSEUDONYM_TAKEN, ProfileForm
from training.accounts.models import User

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")


def save_profile(client, **data):
    form = {"display_name": "Sanne de Boer", "pseudonym": "", "preferred_language": "nl"}
    form.update(data)
    return client.post(PROFILE, form)


def html_lang(response):
    return BeautifulSoup(response.content, "html.parser").html["lang"]


def test_profile_needs_login(client):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={PROFILE}"


def test_profile_page_explains_the_pseudonym_and_labels_every_field(client, verified_user):
    client.force_login(verified_user)
    soup = BeautifulSoup(client.get(PROFILE).content, "html.parser")

    assert len(soup.find_all("h1")) == 1
    pseudonym = soup.find("input", {"name": "pseudonym"})
    hint = soup.find(id=pseudonym["aria-describedby"])
    assert "Je trainer ziet altijd je echte naam" in hint.text
    for field in soup.select("main form input:not([type=hidden])"):
        assert soup.find("label", attrs={"for": field["id"]}) is not None, field
    assert soup.find("input", {"name": "display_name"})["value"] == "Sanne de Boer"
    assert soup.find("input", {"name": "display_name"})["autocomplete"] == "name"


def test_edit_display_name_and_pseudonym(client, verified_user):
    client.force_login(verified_user)

    response = save_profile(client, display_name="Sanne B.", pseudonym="  Zeester ")

    assert response.status_code == 302
    assert response["Location"] == PROFILE
    verified_user.refresh_from_db()
    assert (verified_user.display_name, verified_user.pseudonym) == ("Sanne B.", "Zeester")


def test_display_name_is_required(client, verified_user):
    client.force_login(verified_user)

    response = save_profile(client, display_name="  ")

    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors
    verified_user.refresh_from_db()
    assert verified_user.display_name == "Sanne de Boer"


def test_pseudonym_taken_by_someone_else_gives_a_friendly_error(client, verified_user):
    UserFactory(pseudonym="Zeester")
    client.force_login(verified_user)

    response = save_profile(client, display_name="Sanne B.", pseudonym="zeeSTER")

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert [error.code for error in errors["pseudonym"]] == ["pseudonym_taken"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", {"name": "pseudonym"})["value"] == "zeeSTER"
    assert soup.find("input", {"name": "display_name"})["value"] == "Sanne B."
    verified_user.refresh_from_db()
    assert (verified_user.display_name, verified_user.pseudonym) == ("Sanne de Boer", "")


def test_pseudonym_race_caught_by_the_database_is_a_form_error_not_a_500(
    client, verified_user, monkeypatch
):
    """Two people save the same pseudonym at once: both pass validation, the
    database constraint refuses the second save."""
    UserFactory(pseudonym="Zeester")
    monkeypatch.setattr(ProfileForm, "clean_pseudonym", lambda form: form.cleaned_data["pseudonym"])
    monkeypatch.setattr(User, "validate_constraints", lambda user, exclude=None: None)
    client.force_login(verified_user)

    response = save_profile(client, pseudonym="ZEESTER")

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert list(errors) == ["pseudonym"]
    assert str(errors["pseudonym"][0].message) == str(PSEUDONYM_TAKEN)
    verified_user.refresh_from_db()
    assert verified_user.pseudonym == ""


def test_keeping_your_own_pseudonym_is_fine(client, verified_user):
    verified_user.pseudonym = "Zeester"
    verified_user.save()
    client.force_login(verified_user)

    assert save_profile(client, pseudonym="Zeester").status_code == 302


def test_language_choice_is_stored_and_switches_the_site_at_once(client, verified_user):
    client.force_login(verified_user)
    assert html_lang(client.get(PROFILE)) == "nl"

    response = save_profile(client, preferred_language="en")

    assert response.status_code == 302
    verified_user.refresh_from_db()
    assert verified_user.preferred_language == "en"
    assert response.cookies["django_language"].value == "en"
    assert html_lang(client.get(PROFILE)) == "en"


def test_signed_in_users_see_their_preferred_language(client, verified_user):
    verified_user.preferred_language = "en"
    verified_user.save()
    client.force_login(verified_user)

    assert html_lang(client.get(PROFILE)) == "en"


def test_the_language_switch_outranks_the_profile(client, verified_user):
    verified_user.preferred_language = "en"
    verified_user.save()
    client.force_login(verified_user)
    client.cookies["django_language"] = "nl"

    assert html_lang(client.get(PROFILE)) == "nl"


def test_visitors_get_the_site_language(client, home_page):
    assert html_lang(client.get(reverse("account_login"))) == "nl"
