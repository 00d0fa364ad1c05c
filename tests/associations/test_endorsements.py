"""Issue 21, "the association vouches": staff recommend a facilitator's valid certificate
with an Open Badges 3.0 EndorsementCredential, shown on the verification page and in the
API, and withdraw it like a revocation (its own bit in an endorsement status list)."""

import json
from pathlib import Path

import jsonschema_rs
import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.credentials.verifier import status_bit, verify_vc_jwt
from tests.factories import (
    AssociationFactory,
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    login_with_mfa,
)
from training.associations.actions import EndorsementGiveAction, EndorsementWithdrawAction
from training.associations.endorsements import endorsement_give
from training.associations.models import Endorsement
from training.certificates.services.revocation import certificate_revoke
from training.credentials.did import did_document
from training.credentials.models import StatusScope
from training.credentials.selectors import status_list_secured
from training.credentials.services import credential_issue
from training.credentials.signing import vc_jwt_payload

pytestmark = pytest.mark.django_db

SCHEMA = (
    Path(__file__).resolve().parents[2]
    / "training/credentials/standards/ob_v3p0_endorsementcredential_schema.json"
)


@pytest.fixture(autouse=True)
def credential_keys(settings, tmp_path):
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "credential-keys")


def _resolve(did):
    document = did_document()
    assert document["id"] == did
    return document


def schema_errors(payload: dict) -> list[str]:
    validator = jsonschema_rs.validator_for(json.loads(SCHEMA.read_text()))
    return [error.message for error in validator.iter_errors(payload)]


@pytest.fixture
def staff():
    return UserFactory(email="vereniging@example.org")


@pytest.fixture
def association(staff):
    return AssociationFactory(name="Hart & Vaatgroep", staff=[staff])


@pytest.fixture
def certificate(association):
    learner = UserFactory(display_name="Fatima el Amrani")
    cohort = CohortFactory(association=association)
    certificate = CertificateFactory(enrolment=EnrolmentFactory(learner=learner, cohort=cohort))
    credential_issue(certificate=certificate)
    return certificate


def _give(certificate, association, user):
    return EndorsementGiveAction(certificate, user, association=association).execute()


def _entries(action):
    return ModelLogEntry.objects.filter(action=action).count()


# --- the service and the credential ---------------------------------------------------


def test_an_endorsement_is_a_signed_ob3_endorsement_credential(certificate, association, staff):
    endorsement, created = _give(certificate, association, staff)

    assert created
    header, payload = verify_vc_jwt(endorsement.jwt, resolver=_resolve)
    assert payload["type"] == ["VerifiableCredential", "EndorsementCredential"]
    assert payload["id"] == endorsement.urn
    assert payload["issuer"]["name"] == "Hart & Vaatgroep"
    assert payload["issuer"]["id"] == header["kid"].partition("#")[0]
    subject = payload["credentialSubject"]
    assert subject["type"] == ["EndorsementSubject"]
    assert subject["id"] == certificate.credential.urn
    assert "Hart & Vaatgroep" in subject["endorsementComment"]
    assert "Fatima" not in endorsement.jwt and "Fatima" not in json.dumps(payload)
    assert schema_errors(payload) == []
    status = payload["credentialStatus"]
    assert status["statusPurpose"] == "revocation"
    assert (
        status["statusListCredential"]
        != (vc_jwt_payload(certificate.credential.jwt)["credentialStatus"]["statusListCredential"])
    )
    assert endorsement.status_entry.status_list.scope == StatusScope.ENDORSEMENT


def test_the_schema_check_fails_on_a_broken_endorsement(certificate, association, staff):
    endorsement, _created = _give(certificate, association, staff)
    payload = vc_jwt_payload(endorsement.jwt)

    without_subject_type = json.loads(json.dumps(payload))
    without_subject_type["credentialSubject"]["type"] = ["AchievementSubject"]
    without_type = {**payload, "type": ["VerifiableCredential"]}
    without_subject_id = json.loads(json.dumps(payload))
    del without_subject_id["credentialSubject"]["id"]

    assert schema_errors(without_subject_type)
    assert schema_errors(without_type)
    assert schema_errors(without_subject_id)


def test_endorsing_twice_keeps_one_endorsement_and_one_audit_entry(certificate, association, staff):
    first, created = _give(certificate, association, staff)
    again, created_again = _give(certificate, association, staff)

    assert created and not created_again
    assert first.pk == again.pk and first.jwt == again.jwt
    assert Endorsement.objects.count() == 1
    assert _entries("associations.endorse") == 1


def test_the_database_allows_one_endorsement_per_association_and_certificate(
    certificate, association, staff
):
    endorsement, _created = _give(certificate, association, staff)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Endorsement.objects.create(
            association=association,
            certificate=certificate,
            uuid="00000000-0000-4000-8000-000000000001",
            status_entry=endorsement.status_entry,
            endorsed_at=endorsement.endorsed_at,
        )


def status_list_jwt(*, number: int) -> str:
    return status_list_secured(number=number).jwt


def _bit(endorsement) -> int:
    entry = endorsement.status_entry
    token = status_list_jwt(number=entry.status_list.number)
    _header, payload = verify_vc_jwt(token, resolver=_resolve)
    return status_bit(payload, entry.status_index)


def test_withdrawing_sets_the_status_bit_once(certificate, association, staff):
    endorsement, _created = _give(certificate, association, staff)
    assert _bit(endorsement) == 0

    withdrawn, changed = EndorsementWithdrawAction(endorsement, staff).execute()
    _same, changed_again = EndorsementWithdrawAction(endorsement, staff).execute()

    assert changed and not changed_again
    assert withdrawn.withdrawn_at is not None
    assert _bit(withdrawn) == 1
    assert _entries("associations.endorsement_withdraw") == 1
    # The certificate's own bit is untouched.
    credential = certificate.credential
    payload = vc_jwt_payload(status_list_jwt(number=credential.status_list.number))
    assert status_bit(payload, credential.status_index) == 0


def test_endorsing_again_after_withdrawal_signs_a_new_credential(certificate, association, staff):
    endorsement, _created = _give(certificate, association, staff)
    EndorsementWithdrawAction(endorsement, staff).execute()
    old_entry = endorsement.status_entry

    again, created = _give(certificate, association, staff)

    assert created and again.pk == endorsement.pk
    assert again.uuid != endorsement.uuid
    assert again.status_entry_id != old_entry.pk
    assert _bit(again) == 0
    old_entry.refresh_from_db()
    assert old_entry.is_set  # a copy of the withdrawn credential stays withdrawn


def test_only_the_associations_staff_may_endorse_its_facilitators_valid_certificates(
    certificate, association, staff
):
    from django.core.exceptions import PermissionDenied

    other_staff = UserFactory()
    AssociationFactory(staff=[other_staff])
    with pytest.raises(PermissionDenied):
        _give(certificate, association, other_staff)

    stranger = CertificateFactory()  # not one of the association's facilitators
    credential_issue(certificate=stranger)
    with pytest.raises(PermissionDenied):
        _give(stranger, association, staff)

    certificate_revoke(certificate=certificate, user=UserFactory(), reason="Zorg over veiligheid")
    with pytest.raises(PermissionDenied):
        _give(certificate, association, staff)
    assert Endorsement.objects.count() == 0


def test_a_certificate_without_a_credential_cannot_be_endorsed(association, staff):
    from training.associations.endorsements import EndorsementError

    bare = CertificateFactory(
        enrolment=EnrolmentFactory(cohort=CohortFactory(association=association))
    )
    with pytest.raises(EndorsementError):
        endorsement_give(association=association, certificate=bare, user=staff)


# --- the staff screens ---------------------------------------------------------------


def _page(association):
    return reverse("associations:endorsements", args=[association.pk])


def _endorse_url(association, certificate):
    return reverse("associations:endorse", args=[association.pk, certificate.pk])


def test_staff_endorse_and_withdraw_on_their_page(client, certificate, association, staff):
    login_with_mfa(client, staff)

    page = client.get(_page(association))
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("no-store")
    assert "Fatima el Amrani" in page.content.decode()

    first = client.post(_endorse_url(association, certificate))
    double_click = client.post(_endorse_url(association, certificate))
    assert first.status_code == double_click.status_code == 302
    endorsement = Endorsement.objects.get()

    withdraw = reverse("associations:endorsement_withdraw", args=[association.pk, endorsement.pk])
    assert client.post(withdraw).status_code == 302
    endorsement.refresh_from_db()
    assert endorsement.withdrawn_at is not None
    assert _bit(endorsement) == 1


def test_another_associations_staff_and_anonymous_visitors_get_404(
    client, certificate, association, staff
):
    endorsement, _created = _give(certificate, association, staff)
    withdraw = reverse("associations:endorsement_withdraw", args=[association.pk, endorsement.pk])
    other = UserFactory()
    other_association = AssociationFactory(staff=[other])

    for who in ("anonymous", "other"):
        client.logout()
        if who == "other":
            login_with_mfa(client, other)
        assert client.get(_page(association)).status_code == 404
        assert client.post(_endorse_url(association, certificate)).status_code == 404
        assert client.post(withdraw).status_code == 404
        # Through their own association's address: still not theirs.
        if who == "other":
            own_withdraw = reverse(
                "associations:endorsement_withdraw", args=[other_association.pk, endorsement.pk]
            )
            assert client.post(own_withdraw).status_code == 404
            assert client.post(_endorse_url(other_association, certificate)).status_code == 404
    endorsement.refresh_from_db()
    assert endorsement.is_active


# --- what verifiers see ----------------------------------------------------------------


def test_the_verification_page_and_the_api_show_active_endorsements(
    client, certificate, association, staff
):
    endorsement, _created = _give(certificate, association, staff)

    page = client.get(reverse("certificates:verify_detail", args=[certificate.display_code]))
    html = page.content.decode()
    assert "Aanbevolen door Hart &amp; Vaatgroep" in html
    credential_path = reverse("endorsements:credential", args=[endorsement.uuid])
    assert credential_path in html

    api = client.get(f"/api/v1/certificates/{certificate.code}").json()
    (listed,) = api["endorsements"]
    assert listed["association"] == "Hart & Vaatgroep"
    assert listed["credential_url"].endswith(credential_path)
    served = client.get(credential_path)
    assert served.status_code == 200
    assert served["Content-Type"].startswith("application/vc+jwt")
    assert served.content.decode() == endorsement.jwt

    EndorsementWithdrawAction(endorsement, staff).execute()

    assert (
        "Aanbevolen door"
        not in client.get(
            reverse("certificates:verify_detail", args=[certificate.display_code])
        ).content.decode()
    )
    assert client.get(f"/api/v1/certificates/{certificate.code}").json()["endorsements"] == []
    assert client.get(credential_path).status_code == 200  # its status bit says withdrawn
    assert client.get("/aanbevelingen/00000000-0000-4000-8000-000000000000.jwt").status_code == 404


def test_a_data_integrity_verifier_gets_the_json_ld_form(client, certificate, association, staff):
    endorsement, _created = _give(certificate, association, staff)
    path = reverse("endorsements:credential", args=[endorsement.uuid])

    as_json_ld = client.get(path, headers={"Accept": "application/ld+json"})
    as_jwt = client.get(path, headers={"Accept": "application/vc+jwt"})
    default = client.get(path)

    assert as_json_ld["Content-Type"] == "application/ld+json"
    proof = as_json_ld.json()["proof"][0]
    assert (proof["type"], proof["cryptosuite"]) == ("DataIntegrityProof", "eddsa-rdfc-2022")
    assert as_json_ld.json()["id"] == endorsement.urn
    assert as_jwt.content.decode() == default.content.decode() == endorsement.jwt
    assert "Accept" in as_json_ld["Vary"].split(", ")
