"""Recipient binding: the holder's email as a salted IdentityObject hash a verifier who
knows the email can confirm, and the holder's DID as credentialSubject.id on a re-issue."""

import hashlib
import json

import pytest

from tests.factories import CertificateFactory
from training.credentials.models import Credential
from training.credentials.services import (
    InvalidHolderDid,
    credential_issue,
    credential_reissue_for_holder,
)
from training.credentials.signing import vc_jwt_payload

pytestmark = pytest.mark.django_db

HOLDER_DID = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"


@pytest.fixture
def certificate():
    certificate = CertificateFactory()
    type(certificate.learner).objects.filter(pk=certificate.learner_id).update(
        email="Noor.de.Vries@example.org"
    )
    return certificate


def test_a_verifier_who_knows_the_email_can_confirm_the_holder(certificate):
    credential = credential_issue(certificate=certificate)
    (identity,) = credential.document["credentialSubject"]["identifier"]
    assert identity["type"] == "IdentityObject"
    assert (identity["identityType"], identity["hashed"]) == ("emailAddress", True)
    salt = identity["salt"]
    assert len(salt) == 32
    expected = hashlib.sha256(("noor.de.vries@example.org" + salt).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    wrong = hashlib.sha256(("someone@example.org" + salt).encode()).hexdigest()
    assert identity["identityHash"] != f"sha256${wrong}"
    assert "example.org" not in json.dumps(credential.document)  # never the email itself
    # Each credential has its own salt: two hashes of one email do not match.
    other = credential_issue(certificate=CertificateFactory(enrolment__learner=certificate.learner))
    assert (
        other.document["credentialSubject"]["identifier"][0]["identityHash"]
        != identity["identityHash"]
    )


def test_before_a_did_the_subject_is_an_opaque_urn_of_this_credential(certificate):
    credential = credential_issue(certificate=certificate)
    subject_id = credential.document["credentialSubject"]["id"]
    assert subject_id.startswith("urn:uuid:") and str(credential.uuid) not in subject_id
    # Not the account: two credentials of one holder do not share a subject id.
    other = credential_issue(certificate=CertificateFactory(enrolment__learner=certificate.learner))
    assert other.document["credentialSubject"]["id"] != subject_id
    assert vc_jwt_payload(credential.jwt)["sub"] == subject_id


def test_a_reissue_for_the_holders_did_sets_the_subject_and_keeps_id_and_status(certificate):
    first = credential_issue(certificate=certificate)
    again = credential_reissue_for_holder(certificate=certificate, holder_did=HOLDER_DID)
    assert again.pk == first.pk and again.uuid == first.uuid
    assert (again.status_index, again.suspension_index) == (
        first.status_index,
        first.suspension_index,
    )
    assert again.holder_did == HOLDER_DID
    assert again.document["credentialSubject"]["id"] == HOLDER_DID
    assert again.document["id"] == first.document["id"]
    assert vc_jwt_payload(again.jwt)["sub"] == HOLDER_DID
    assert again.jwt != first.jwt
    # The same DID again changes nothing.
    same = credential_reissue_for_holder(certificate=certificate, holder_did=HOLDER_DID)
    assert same.jwt == again.jwt


@pytest.mark.parametrize(
    "value", ["", "not a did", "did:key", "did:web:exa mple.org", "did:key:z6Mk#frag", "x" * 600]
)
def test_anything_but_a_did_is_refused(certificate, value):
    credential_issue(certificate=certificate)
    with pytest.raises(InvalidHolderDid):
        credential_reissue_for_holder(certificate=certificate, holder_did=value)
    assert Credential.objects.get(certificate=certificate).holder_did == ""
