"""Two-step sign-in (allauth.mfa): required for the admin and association pages, optional for learners."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    TrainerFactory,
    UserFactory,
    login_with_mfa,
    totp_code,
    totp_set_up,
)
from training.accounts.services import user_email_mark_verified
from training.associations.models import Association

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
ACTIVATE = reverse("mfa_activate_totp")
AUTHENTICATE = reverse("mfa_authenticate")
REAUTHENTICATE = reverse("mfa_reauthenticate")


@pytest.fixture
def trainer(db):
    user = TrainerFactory(email="tessa@example.org", display_name="Tessa Trainer")
    user_email_mark_verified(user)
    return user


def log_in(client, email, next_url="/beheer/"):
    return client.post(f"{LOGIN}?next={next_url}", {"login": email, "password": PASSWORD})


def confirm_password(client):
    """allauth asks for the password again before an authenticator is set up."""
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


def signed_in(client):
    return "_auth_user_id" in client.session


def h1_of(response):
    return BeautifulSoup(response.content, "html.parser").h1.text.strip()


def test_trainer_without_an_app_is_sent_to_set_one_up_and_cannot_reach_the_admin(client, trainer):
    log_in(client, "tessa@example.org")
    assert signed_in(client)

    for path in ["/beheer/", "/beheer/pages/", "/beheer/reflecties/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == f"{ACTIVATE}?next={path.replace('/', '%2F')}"

    assert client.get(ACTIVATE)["Location"].startswith(reverse("account_reauthenticate"))
    confirm_password(client)
    page = client.get(ACTIVATE)
    assert page.status_code == 200
    assert h1_of(page) == "Authenticator-app instellen"
    assert "daarom log je in twee stappen in" in page.content.decode()


# allauth announces a new authenticator once the transaction commits; only a
# test with real transactions sees that happen inside the request, as in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_trainer_sets_up_the_app_and_then_reaches_the_admin(client, trainer):
    log_in(client, "tessa@example.org")
    confirm_password(client)
    client.get(ACTIVATE)  # allauth puts a fresh secret in the session
    secret = client.session[SECRET_SESSION_KEY]

    response = client.post(ACTIVATE, {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=trainer, type="totp").exists()
    assert client.get("/beheer/").status_code == 200


def test_a_wrong_code_does_not_set_up_the_app(client, trainer):
    log_in(client, "tessa@example.org")
    confirm_password(client)
    client.get(ACTIVATE)

    response = client.post(ACTIVATE, {"code": "000000"})

    assert response.status_code == 200
    assert "Die code klopt niet." in response.content.decode()
    assert not Authenticator.objects.filter(user=trainer).exists()


def test_with_the_app_set_up_the_password_alone_does_not_sign_in(client, trainer):
    totp_set_up(trainer)

    response = log_in(client, "tessa@example.org")

    assert response.status_code == 302
    assert response["Location"] == AUTHENTICATE
    assert not signed_in(client)
    assert client.get("/beheer/")["Location"].startswith(reverse("accounts:login_redirect"))

    page = client.get(AUTHENTICATE)
    assert h1_of(page) == "Inloggen in twee stappen"

    response = client.post(AUTHENTICATE, {"code": totp_code()})

    assert response.status_code == 302
    assert response["Location"] == "/beheer/"
    assert signed_in(client)
    assert client.get("/beheer/").status_code == 200


def test_a_wrong_code_at_sign_in_is_refused_in_dutch(client, trainer):
    totp_set_up(trainer)
    log_in(client, "tessa@example.org")

    response = client.post(AUTHENTICATE, {"code": "123456"})

    assert response.status_code == 200
    assert not signed_in(client)
    assert "Die code klopt niet." in response.content.decode()


def test_a_password_only_session_is_asked_for_the_code_before_the_admin(client, trainer):
    """E.g. a session that signed in before the app was set up."""
    totp_set_up(trainer)
    client.force_login(trainer)

    response = client.get("/beheer/reflecties/")

    assert response.status_code == 302
    assert response["Location"] == f"{REAUTHENTICATE}?next=%2Fbeheer%2Freflecties%2F"
    page = client.get(response["Location"])
    assert "Vul de code uit je authenticator-app in" in page.content.decode()
    response = client.post(response["Location"], {"code": totp_code()})
    assert response.status_code == 302
    assert response["Location"] == "/beheer/reflecties/"
    assert client.get("/beheer/reflecties/").status_code == 200


def test_a_recovery_code_signs_in_once(client, trainer):
    totp_set_up(trainer)
    code = RecoveryCodes.activate(trainer).get_unused_codes()[0]

    log_in(client, "tessa@example.org")
    client.post(AUTHENTICATE, {"code": code})
    assert signed_in(client)
    assert client.get("/beheer/").status_code == 200

    other = client.__class__()
    log_in(other, "tessa@example.org")
    response = other.post(AUTHENTICATE, {"code": code})
    assert response.status_code == 200
    assert not signed_in(other)


def test_learner_signs_in_without_a_second_step(client, verified_user, home_page):
    response = log_in(client, "sanne@example.org", next_url="/mijn/")

    assert response.status_code == 302
    assert response["Location"] == "/mijn/"
    assert signed_in(client)
    assert client.get("/mijn/").status_code == 200


def test_learner_can_choose_two_step_sign_in_on_the_account_pages(client, verified_user):
    client.force_login(verified_user)

    soup = BeautifulSoup(client.get(reverse("accounts:profile")).content, "html.parser")
    link = soup.find("nav", class_="account-nav").find("a", href=reverse("mfa_index"))
    assert link.text.strip() == "Inloggen in twee stappen"


def test_learner_with_the_app_set_up_is_asked_for_the_code_too(client, verified_user):
    totp_set_up(verified_user)

    response = log_in(client, "sanne@example.org", next_url="/mijn/")

    assert response["Location"] == AUTHENTICATE
    assert not signed_in(client)


def test_association_staff_need_the_second_step_for_the_association_pages(client, db):
    staff = UserFactory(email="vereniging@example.org")
    user_email_mark_verified(staff)
    association = Association.objects.create(name="Vereniging Samen")
    association.staff.add(staff)
    client.force_login(staff)

    response = client.get(reverse("associations:status", args=[association.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(ACTIVATE)

    login_with_mfa(client, staff)
    assert client.get(reverse("associations:status", args=[association.pk])).status_code == 200


def test_trainer_cannot_switch_the_app_off(client, trainer):
    login_with_mfa(client, trainer)

    client.post(reverse("mfa_deactivate_totp"))

    assert Authenticator.objects.filter(user=trainer, type="totp").exists()


def test_wagtails_login_form_does_not_sign_in(client, trainer):
    response = client.post(
        "/beheer/login/?next=/beheer/", {"username": "tessa@example.org", "password": PASSWORD}
    )

    assert response.status_code in {301, 302}
    assert not signed_in(client)


def test_login_with_mfa_helper_uses_the_known_secret(client, trainer):
    login_with_mfa(client, trainer)

    authenticator = Authenticator.objects.get(user=trainer, type="totp")
    assert authenticator.data["secret"] == TOTP_SECRET
    assert client.get("/beheer/").status_code == 200
