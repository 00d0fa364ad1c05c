"""A plain form posted with a stale CSRF token keeps what was typed, and sends again.

Each test opens the form, posts it with a token from an older page (what a
tab left open before signing in again elsewhere sends), finds the typed text
in the refusal page with a fresh token, and sends that page's form again:
the entry is saved.
"""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from tests.continuing.test_renewal import PDF, meeting_for
from tests.factories import (
    AssociationFactory,
    CertificateFactory,
    EnrolmentFactory,
    PeerReviewFactory,
    UserFactory,
    login_with_mfa,
    reflection_cohort,
    submitted_reflection,
)
from training.assessments.reflections import services as reflections
from training.associations.models import AssociationInvitation
from training.continuing import services
from training.continuing.models import (
    ExternalActivity,
    IntervisionCase,
    PracticeSession,
    WellbeingCheckIn,
)

pytestmark = pytest.mark.django_db

STALE = "s" * 64  # a well-formed token from a page opened before the token changed
ORIGIN = "http://testserver"
REFLECTION = 'Ik bleef stil & luisterde; toen zei ze: "dank je".'
TYPED = "Ik merkte dat ik wilde adviseren <b>en</b> heb toen doorgevraagd & gewacht."


@pytest.fixture
def browser():
    """A client that checks CSRF tokens, as a browser session does."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def learner(browser):
    enrolment = EnrolmentFactory()
    browser.force_login(enrolment.learner)
    return enrolment.learner


def form_data(response) -> tuple[str, dict]:
    """The page's own form (in <main>: not the header's sign-out or language forms)."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    form = soup.select("main form[method=post]")[0]
    data: dict[str, list[str]] = {}
    for field in form.select("input, textarea, select"):
        name = field.get("name")
        if not name or field.get("type") == "file":
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            value = field.text.removeprefix("\n")
        elif field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            value = chosen.get("value", "") if chosen else ""
        else:
            value = field.get("value", "on" if field.get("type") == "checkbox" else "")
        data.setdefault(name, []).append(value)
    return form.get("action") or response.request["PATH_INFO"], data


def post_stale(browser, url, data, **extra):
    page = browser.get(url)
    assert page.status_code == 200
    response = browser.post(
        url, {**data, "csrfmiddlewaretoken": STALE}, HTTP_ORIGIN=ORIGIN, **extra
    )
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    return response


def fresh_token(response) -> str:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    token = soup.select_one("main input[name=csrfmiddlewaretoken]")["value"]
    assert token and token != STALE
    return token


def send_again(browser, refused):
    action, data = form_data(refused)
    assert data["csrfmiddlewaretoken"] == [fresh_token(refused)]
    return browser.post(action, data, HTTP_ORIGIN=ORIGIN)


def session_post(**changes):
    return {
        "client_id": str(uuid.uuid4()),
        "held_on": "2026-11-20",
        "group_kind": "Leven met reuma, avondgroep",
        "setting": "on_site",
        "duration_minutes": "90",
        "participants": "7",
        "listening_moment": TYPED,
        **changes,
    }


def test_practice_log_entry(browser, learner):
    url = reverse("continuing:session_new")
    refused = post_stale(browser, url, session_post())
    page = refused.content.decode()
    assert escape(TYPED) in page and TYPED not in page  # shown, escaped
    assert "Je formulier is nog niet verstuurd" in page
    assert 'value="Leven met reuma, avondgroep"' in page
    assert PracticeSession.objects.count() == 0

    sent = send_again(browser, refused)
    assert sent.status_code == 302
    assert PracticeSession.objects.get().listening_moment == TYPED


def test_practice_log_change(browser, learner):
    session, _ = services.practice_session_create(
        facilitator=learner,
        client_id=uuid.uuid4(),
        held_on="2026-11-20",
        group_kind="Avondgroep",
        setting="on_site",
        duration_minutes=90,
    )
    url = reverse("continuing:session_edit", args=[session.public_id])
    _action, data = form_data(browser.get(url))
    data["listening_moment"] = [TYPED]
    refused = post_stale(browser, url, data)
    assert escape(TYPED) in refused.content.decode()

    assert send_again(browser, refused).status_code == 302
    session.refresh_from_db()
    assert session.listening_moment == TYPED


def test_wellbeing_check_in(browser, learner):
    url = reverse("continuing:wellbeing")
    data = {
        "client_id": str(uuid.uuid4()),
        "energy_cost": "3",
        "energy_gain": "2",
        "sleep": "2",
        "lingering": "on",
    }
    refused = post_stale(browser, url, data)
    soup = BeautifulSoup(refused.content.decode(), "html.parser")
    assert soup.select_one('main input[name=energy_cost][value="3"]').has_attr("checked")
    assert soup.select_one("main input[name=lingering]").has_attr("checked")

    assert send_again(browser, refused).status_code == 302
    assert WellbeingCheckIn.objects.get(facilitator=learner).energy_cost == 3


def test_intervision_case_note(browser, db):
    certificate = CertificateFactory()
    meeting = meeting_for(certificate, coordinator=EnrolmentFactory().learner)
    browser.force_login(certificate.learner)
    url = reverse("continuing:meeting", args=[meeting.public_id])
    data = {"client_id": str(uuid.uuid4()), "case": TYPED, "advice": "Blijf luisteren."}
    refused = post_stale(browser, url, data)
    page = refused.content.decode()
    assert escape(TYPED) in page and "Blijf luisteren." in page

    assert send_again(browser, refused).status_code == 302
    assert IntervisionCase.objects.get().case == TYPED


def test_intervision_case_note_change(browser, db):
    certificate = CertificateFactory()
    meeting = meeting_for(certificate, coordinator=EnrolmentFactory().learner)
    case = services.case_save(
        meeting=meeting, brought_by=certificate.learner, client_id=uuid.uuid4(), case="Eerst."
    )
    browser.force_login(certificate.learner)
    url = reverse("continuing:case_edit", args=[case.public_id])
    _action, data = form_data(browser.get(url))
    data["case"] = [TYPED]
    refused = post_stale(browser, url, data)
    assert escape(TYPED) in refused.content.decode()

    assert send_again(browser, refused).status_code == 302
    case.refresh_from_db()
    assert case.case == TYPED


def test_association_invitations(browser, db):
    admin = UserFactory()
    association = AssociationFactory(admins=[admin])
    login_with_mfa(browser, admin)
    for name, kind in (("staff", "staff"), ("facilitators", "facilitator")):
        url = reverse(f"associations:{name}", args=[association.pk])
        data = {"email": f"nieuw-{kind}@example.org"}
        if name == "staff":
            data["role"] = "staff"
        refused = post_stale(browser, url, data)
        assert f'value="nieuw-{kind}@example.org"' in refused.content.decode()

        assert send_again(browser, refused).status_code == 302
        assert AssociationInvitation.objects.filter(email=f"nieuw-{kind}@example.org").exists()


def test_external_activity_keeps_the_text_and_asks_for_the_file_again(browser, learner):
    url = reverse("continuing:activity_new")
    data = {
        "client_id": str(uuid.uuid4()),
        "title": "Training grenzen bewaken",
        "done_on": "2026-10-01",
        "hours": "3",
        "proof": SimpleUploadedFile("bewijs.pdf", PDF, content_type="application/pdf"),
    }
    refused = post_stale(browser, url, data)
    page = refused.content.decode()
    assert 'value="Training grenzen bewaken"' in page
    assert "Kies bestanden die je toevoegde opnieuw." in page
    assert 'enctype="multipart/form-data"' in page
    assert not ExternalActivity.objects.exists()


def test_passwords_tokens_and_codes_are_never_shown_again(browser, learner):
    url = reverse("continuing:session_new")
    refused = post_stale(
        browser,
        url,
        session_post(password="geheim-wachtwoord-1", otp_code="123456", api_token="tok-999"),
    )
    page = refused.content.decode()
    assert escape(TYPED) in page
    for secret in ("geheim-wachtwoord-1", "123456", "tok-999", STALE):
        assert secret not in page


def test_a_form_without_a_named_form_shows_its_text_in_plain_fields(browser, learner):
    # A view that names no form (here one that only takes a POST): its text comes back as is.
    url = reverse("continuing:session_delete", args=[uuid.uuid4()])
    response = browser.post(
        url,
        {"note": "Een langere zin die ik typte", "csrfmiddlewaretoken": STALE},
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 403
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    area = soup.select_one("main textarea[name=note]")
    assert area.text.strip() == "Een langere zin die ik typte"
    assert soup.select_one(f"label[for={area['id']}]").text.strip()


def test_a_cross_site_post_is_never_echoed(browser, learner):
    url = reverse("continuing:session_new")
    browser.get(url)
    for headers in (
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": ORIGIN},
        {},  # neither Origin nor Referer: not known to come from here
        {"HTTP_REFERER": "https://evil.example/form"},
    ):
        response = browser.post(url, {**session_post(), "csrfmiddlewaretoken": STALE}, **headers)
        assert response.status_code == 403
        page = response.content.decode()
        assert escape(TYPED) not in page
        assert "Ga terug, laad de pagina opnieuw" in page
        assert "no-store" in response["Cache-Control"]


def test_a_same_site_post_by_referer_is_echoed(browser, learner):
    url = reverse("continuing:session_new")
    browser.get(url)
    response = browser.post(
        url,
        {**session_post(), "csrfmiddlewaretoken": STALE},
        HTTP_REFERER=f"{ORIGIN}{url}",
    )
    assert escape(TYPED) in response.content.decode()


def test_the_admin_and_scripts_get_no_echo(browser, learner):
    response = browser.post(
        "/beheer/pages/add/", {"title": TYPED, "csrfmiddlewaretoken": STALE}, HTTP_ORIGIN=ORIGIN
    )
    assert response.status_code == 403
    assert escape(TYPED) not in response.content.decode()
    response = browser.post(
        reverse("continuing:session_new"),
        {"listening_moment": TYPED},
        content_type="application/json",
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 403
    assert response.json()["csrf"] is True
    assert TYPED not in response.content.decode()


def test_a_reflection_draft_sent_without_javascript(browser, db):
    # Reflections keep plain text (markup is removed on save): a line with "&" and quotes.
    assignment, (author, _peer) = reflection_cohort(learners=2)
    draft = reflections.submission_get_or_create(enrolment=author, assignment=assignment)
    browser.force_login(author.learner)
    url = reverse("reflections:submit", args=[draft.public_id])
    browser.get(assignment.url)  # the page with the editor form sets the CSRF cookie
    refused = browser.post(
        url,
        {"text": REFLECTION, "base_revision": "0", "action": "save", "csrfmiddlewaretoken": STALE},
        HTTP_ORIGIN=ORIGIN,
    )
    assert refused.status_code == 403
    soup = BeautifulSoup(refused.content.decode(), "html.parser")
    assert soup.select_one("main textarea[name=text]").text.strip() == REFLECTION
    assert soup.select_one('main input[name=action][value="save"]')

    assert send_again(browser, refused).status_code == 302
    assert draft.latest_version().text == REFLECTION


def test_a_concern_about_a_reflection(browser, db):
    assignment, (author, reviewer) = reflection_cohort(learners=2)
    submission = submitted_reflection(enrolment=author, assignment=assignment)
    PeerReviewFactory(
        submission=submission, version=submission.versions.get(number=1), reviewer=reviewer.learner
    )
    browser.force_login(reviewer.learner)
    browser.get(reverse("learning:dashboard"))
    url = reverse("reflections:concern", args=[submission.public_id])
    worry = "Ik maak me zorgen: er staat dat het niet meer gaat."
    refused = browser.post(url, {"reason": worry, "csrfmiddlewaretoken": STALE}, HTTP_ORIGIN=ORIGIN)
    assert refused.status_code == 403
    assert escape(worry) in refused.content.decode()


def test_a_sign_in_form_is_not_sent_again_without_its_password(browser, db):
    browser.get(reverse("account_login"))
    response = browser.post(
        reverse("account_login"),
        {
            "login": "sanne@example.org",
            "password": "geheim-wachtwoord-1",
            "csrfmiddlewaretoken": STALE,
        },
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert "Ga terug, laad de pagina opnieuw" in page
    assert "geheim-wachtwoord-1" not in page and "sanne@example.org" not in page
