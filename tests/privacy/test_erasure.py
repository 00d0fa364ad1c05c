"""Erasure: every personal field and text of the learner goes; others' data stays whole."""

import pytest
from django.apps import apps
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import PASSWORD, TrainerFactory, UserFactory, login_with_mfa
from training.assessments.models import PeerReview, ReflectionRead, Submission
from training.certificates.models import Certificate
from training.privacy import errors, services
from training.privacy.models import ErasureRequest

from .conftest import CONCERN_BY_LOTTE, FEEDBACK_TO_PEER, LOTTE_TRACES, NAME

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, models.FileField)


def traces_left(needles):
    """(model, field, needle) for every text value anywhere in the database containing a needle."""
    found = []
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, TEXT_FIELDS) and f.model is model
        ]
        if not fields:
            continue
        for row in model._base_manager.values_list(*fields):
            for name, value in zip(fields, row, strict=True):
                text = str(value)
                found += [
                    (model._meta.label, name, n) for n in needles if n.lower() in text.lower()
                ]
    return found


def sessions_of(user):
    return [s for s in Session.objects.all() if s.get_decoded().get(SESSION_KEY) == str(user.pk)]


def erase_decided(world, django_capture_on_commit_callbacks):
    """The learner asks (a certificate makes it a decision) and their trainer confirms."""
    request = services.erasure_request(user=world.learner, password=PASSWORD)
    assert request.status == ErasureRequest.Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        services.erasure_decide(request=request, by=world.trainer, approve=True)
    request.refresh_from_db()
    world.learner.refresh_from_db()
    return request


def test_the_fixture_leaves_traces_to_find(world):
    """The sweep below can fail: before erasure it finds every trace."""
    assert {needle for _m, _f, needle in traces_left(LOTTE_TRACES)} == set(LOTTE_TRACES)


def test_erasure_leaves_no_trace_of_the_learner_anywhere(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.learner)
    assert sessions_of(world.learner)
    pdf_name = world.certificate.pdf.name
    assert storages["certificates"].exists(pdf_name)

    erase_decided(world, django_capture_on_commit_callbacks)

    assert traces_left(LOTTE_TRACES) == []
    assert sessions_of(world.learner) == []
    assert not storages["certificates"].exists(pdf_name)
    user = world.learner
    assert user.is_erased and not user.is_active and not user.has_usable_password()
    assert user.email == f"erased-{user.pk}@erased.invalid"
    assert not user.association_memberships.exists()


def test_erasure_keeps_what_belongs_to_others(world, django_capture_on_commit_callbacks):
    erase_decided(world, django_capture_on_commit_callbacks)

    # The feedback they gave stays with its recipient, signed as a former fellow learner.
    given = PeerReview.objects.get(pk=world.review_given.pk)
    assert given.summary == FEEDBACK_TO_PEER
    assert given.recognition == ""
    assert str(given.reviewer.peer_name) == "een voormalige medecursist"
    # The fellow learner keeps the credit for reviewing the erased reflection.
    received = PeerReview.objects.get(pk=world.review_received.pk)
    assert received.status == PeerReview.Status.SUBMITTED and received.summary == ""
    assert world.peer.peer_reviews_given.filter(status="submitted").count() == 1
    # A concern they raised about someone else stays for that person's safety.
    assert world.peer_submission.concerns.get().reason == CONCERN_BY_LOTTE
    # Their reflection is no longer offered to peers; its reads are gone.
    submission = Submission.objects.get(pk=world.submission.pk)
    assert submission.audience == Submission.Audience.TRAINER
    assert not ReflectionRead.objects.filter(submission=submission).exists()


def test_erasure_is_audit_logged_without_the_name(world, django_capture_on_commit_callbacks):
    request = erase_decided(world, django_capture_on_commit_callbacks)
    entry = ModelLogEntry.objects.get(action="privacy.erase")
    assert entry.user_id == world.trainer.pk
    assert entry.object_id == str(request.pk)
    labels = ModelLogEntry.objects.values_list("label", flat=True)
    assert not [label for label in labels if NAME in label]


def test_erasure_is_irreversible_and_runs_once(world, django_capture_on_commit_callbacks):
    request = erase_decided(world, django_capture_on_commit_callbacks)
    with pytest.raises(errors.ErasureAlreadyDecided):
        services.erasure_decide(request=request, by=world.trainer, approve=True)
    assert ModelLogEntry.objects.filter(action="privacy.erase").count() == 1


def test_the_certificate_verification_page_shows_status_without_the_name(
    world, client, django_capture_on_commit_callbacks
):
    url = reverse("certificates:verify_detail", args=[world.certificate.display_code])
    assert NAME in client.get(url).content.decode()

    erase_decided(world, django_capture_on_commit_callbacks)

    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert NAME not in page
    assert "Geldig certificaat" in page
    assert "zijn de persoonsgegevens verwijderd" in page
    certificate = Certificate.objects.get(pk=world.certificate.pk)
    assert certificate.code == world.certificate.code and not certificate.is_ready


def test_without_a_reason_for_a_decision_the_account_is_erased_at_once(db, client):
    user = UserFactory(display_name="Sam Zonderdiploma")
    client.force_login(user)
    response = client.post(reverse("privacy:erase"), {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:erased")
    user.refresh_from_db()
    assert user.is_erased
    assert ErasureRequest.objects.get(user=user).status == ErasureRequest.Status.ERASED
    # Signed out, and the old credentials no longer work.
    assert client.get(reverse("privacy:overview")).status_code == 302
    assert not client.login(email="x", password=PASSWORD)
    assert client.get(reverse("privacy:erased")).status_code == 200


def test_a_wrong_password_gets_a_friendly_error_and_erases_nothing(db, client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("privacy:erase"), {"password": "niet-mijn-wachtwoord"})
    assert response.status_code == 200
    assert "Dat is niet je huidige wachtwoord" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    user.refresh_from_db()
    assert not user.is_erased and not ErasureRequest.objects.exists()


def test_a_certificate_or_an_open_concern_makes_it_a_decision(world, client):
    client.force_login(world.learner)
    client.post(reverse("privacy:erase"), {"password": PASSWORD})
    request = ErasureRequest.objects.get(user=world.learner)
    assert request.status == ErasureRequest.Status.PENDING
    assert set(request.reasons) == {"certificate", "open_concern"}
    world.learner.refresh_from_db()
    assert not world.learner.is_erased
    # Asking again returns the same request.
    client.post(reverse("privacy:erase"), {"password": PASSWORD})
    assert ErasureRequest.objects.filter(user=world.learner).count() == 1
    assert (
        "Een trainer of beheerder kijkt naar je verzoek"
        in client.get(reverse("privacy:overview")).content.decode()
    )


def test_another_trainer_cannot_see_or_decide_the_request(world, client):
    request = services.erasure_request(user=world.learner, password=PASSWORD)
    other = TrainerFactory()
    login_with_mfa(client, other)
    url = reverse("privacy_erasure:decide", args=[request.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "erase"}).status_code == 404
    index = client.get(reverse("privacy_erasure:index"))
    assert index.status_code == 200 and NAME not in index.content.decode()
    with pytest.raises(PermissionDenied):
        services.erasure_decide(request=request, by=other, approve=True)
    world.learner.refresh_from_db()
    assert not world.learner.is_erased


def test_the_trainer_decides_in_the_admin_queue(world, client, django_capture_on_commit_callbacks):
    request = services.erasure_request(user=world.learner, password=PASSWORD)
    login_with_mfa(client, world.trainer)
    index = client.get(reverse("privacy_erasure:index"))
    assert NAME in index.content.decode()
    assert "no-store" in index["Cache-Control"]
    url = reverse("privacy_erasure:decide", args=[request.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "erase", "note": ""})
    assert response.status_code == 302
    world.learner.refresh_from_db()
    assert world.learner.is_erased


def test_a_turned_down_request_shows_the_note_to_the_learner(world, client):
    request = services.erasure_request(user=world.learner, password=PASSWORD)
    note = "Laten we eerst even bellen over je certificaat."
    services.erasure_decide(request=request, by=world.trainer, approve=False, note=note)
    client.force_login(world.learner)
    assert note in client.get(reverse("privacy:overview")).content.decode()
    world.learner.refresh_from_db()
    assert not world.learner.is_erased
    assert ModelLogEntry.objects.filter(action="privacy.erasure_reject").exists()


def test_no_expiry_reminder_goes_to_an_erased_holder(world, mailoutbox):
    import datetime

    from django.utils import timezone

    from training.certificates.services import certificate_reminders_send

    Certificate.objects.filter(pk=world.certificate.pk).update(
        valid_until=timezone.localdate() + datetime.timedelta(days=10)
    )
    services.account_erase(user=world.learner)
    assert certificate_reminders_send() == 0
    assert mailoutbox == []
