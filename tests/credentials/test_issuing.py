"""Issuing: one credential per certificate, stable, with its own status index; backfill."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from tests.factories import CertificateFactory, CohortFactory, EnrolmentFactory, build_course
from training.certificates import services as certificate_services
from training.credentials.models import STATUS_LIST_SIZE, Credential, StatusList
from training.credentials.services import credential_issue

from .verifier import b64url_decode, status_bit

pytestmark = pytest.mark.django_db


def _backfill() -> str:
    out = StringIO()
    call_command("credentials_backfill", stdout=out)
    return out.getvalue()


def test_a_certificate_issued_by_the_platform_gets_its_credential_on_commit(
    django_capture_on_commit_callbacks,
):
    course = build_course(modules=1, lessons_per_module=1, certificate_validity_years=3)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_services.certificate_import(
            enrolment=enrolment, issued_on=enrolment.enrolled_at.date()
        )
    credential = Credential.objects.get(certificate=certificate)
    assert credential.jwt.count(".") == 2
    assert credential.status_index == 0 and credential.status_list.number == 1


def test_issuing_again_returns_the_same_credential_unchanged():
    certificate = CertificateFactory()
    first = credential_issue(certificate=certificate)
    again = credential_issue(certificate=certificate)
    assert again.pk == first.pk and again.jwt == first.jwt
    assert Credential.objects.count() == 1


def test_backfill_issues_each_missing_credential_once_with_distinct_indexes():
    certificates = [CertificateFactory() for _ in range(3)]
    erased = CertificateFactory(holder_name="")  # an erased holder gets no credential
    assert "Credentials issued: 3. Re-issued in the current forms: 0." in _backfill()
    tokens = dict(Credential.objects.values_list("certificate_id", "jwt"))
    assert "Credentials issued: 0. Re-issued in the current forms: 0." in _backfill()
    assert dict(Credential.objects.values_list("certificate_id", "jwt")) == tokens
    assert set(tokens) == {c.pk for c in certificates} and erased.pk not in tokens
    indexes = list(Credential.objects.values_list("status_index", flat=True))
    assert sorted(indexes) == [0, 1, 2]
    suspension_indexes = list(Credential.objects.values_list("suspension_index", flat=True))
    assert sorted(suspension_indexes) == [0, 1, 2]
    assert [(s.number, s.purpose, s.next_index) for s in StatusList.objects.order_by("number")] == [
        (1, "revocation", 3),
        (2, "suspension", 3),
    ]


def test_backfill_sets_the_bit_of_a_certificate_revoked_before_it_had_a_credential():
    certificate = CertificateFactory()
    credential = credential_issue(certificate=certificate)
    # A revocation whose signal never reached us (say, before this app existed).
    type(certificate).objects.filter(pk=certificate.pk).update(
        revoked_at=certificate.issued_at, revoked_reason="Fout"
    )
    assert "Status bits changed: 1." in _backfill()
    credential.refresh_from_db()
    assert credential.revoked


def test_an_index_is_never_handed_out_again_even_after_a_deletion():
    first = credential_issue(certificate=CertificateFactory())
    second = credential_issue(certificate=CertificateFactory())
    second.certificate.delete()
    third = credential_issue(certificate=CertificateFactory())
    assert (first.status_index, third.status_index) == (0, 2)


def test_the_database_refuses_a_second_credential_or_a_shared_index():
    credential = credential_issue(certificate=CertificateFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        Credential.objects.create(
            certificate=credential.certificate,
            status_list=credential.status_list,
            status_index=99,
            key_id="x",
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Credential.objects.create(
            certificate=CertificateFactory(),
            status_list=credential.status_list,
            status_index=credential.status_index,
            key_id="x",
        )


def test_a_full_list_opens_the_next_one():
    StatusList.objects.create(number=1, next_index=STATUS_LIST_SIZE)
    credential = credential_issue(certificate=CertificateFactory())
    assert (credential.status_list.number, credential.status_index) == (2, 0)
    assert (credential.suspension_list.number, credential.suspension_index) == (3, 0)


def test_the_status_list_is_131072_bits_most_significant_bit_first(client):
    revoked = [credential_issue(certificate=CertificateFactory()) for _ in range(10)]
    Credential.objects.filter(pk__in=[revoked[0].pk, revoked[9].pk]).update(revoked=True)
    token = client.get("/credentials/status/1").content.decode()

    payload = json.loads(b64url_decode(token.split(".")[1]))
    as_json_ld = client.get("/credentials/status/1", HTTP_ACCEPT="application/ld+json").json()
    assert as_json_ld["credentialSubject"] == payload["credentialSubject"]
    bits = [status_bit(payload, index) for index in range(12)]
    assert bits == [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]
    assert status_bit(payload, STATUS_LIST_SIZE - 1) == 0


def test_an_unknown_status_list_is_a_404(client):
    assert client.get("/credentials/status/7").status_code == 404


def test_an_allocation_that_lost_a_race_takes_the_next_index(monkeypatch):
    """Two issues read the same free index; the database lets one take it, the other
    retries with the next one (the counter moves by a compare-and-set UPDATE)."""
    from django.db.models import QuerySet

    from training.credentials import services

    original_first = QuerySet.first
    raced = []

    def first_then_someone_else_allocates(queryset):
        row = original_first(queryset)
        if queryset.model is StatusList and row is not None and not raced:
            raced.append(True)
            with transaction.atomic():
                services._status_index_allocate()  # another request, in between
        return row

    StatusList.objects.create(number=1)
    monkeypatch.setattr(QuerySet, "first", first_then_someone_else_allocates)
    with transaction.atomic():
        status_list, index = services._status_index_allocate()
    assert raced and index == 1
    assert StatusList.objects.get().next_index == 2


def test_a_status_list_is_signed_once_until_a_bit_changes(client, monkeypatch):
    """Signing (RDFC canonicalisation) is the costly part: an unchanged list comes from the
    cache; a revocation changes the bits and so the list a verifier gets, at once."""
    from training.credentials import selectors

    credentials = [credential_issue(certificate=CertificateFactory()) for _ in range(3)]
    signed = []
    real_secure = selectors.credential_secure
    monkeypatch.setattr(
        selectors, "credential_secure", lambda document: signed.append(1) or real_secure(document)
    )
    first = client.get("/credentials/status/1").content
    assert client.get("/credentials/status/1").content == first
    assert client.get("/credentials/status/1", HTTP_ACCEPT="application/ld+json").status_code == 200
    assert len(signed) == 1

    Credential.objects.filter(pk=credentials[1].pk).update(revoked=True)
    token = client.get("/credentials/status/1").content.decode()
    assert len(signed) == 2
    payload = json.loads(b64url_decode(token.split(".")[1]))
    assert [status_bit(payload, index) for index in range(3)] == [0, 1, 0]
