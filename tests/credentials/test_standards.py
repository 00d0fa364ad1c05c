"""The contexts and the schema are shipped with the project, and are the ones credentials name."""

import json

import pytest

from tests.factories import CertificateFactory
from training.credentials.documents import OB_CONTEXT, VC_CONTEXT
from training.credentials.linked_data import UnsafeJsonLd, canonical_nquads, expand_safe
from training.credentials.selectors import status_list_secured
from training.credentials.services import credential_issue

from .verifier import STANDARDS


def test_the_shipped_contexts_define_the_terms_the_credentials_use():
    vc = json.loads((STANDARDS / "credentials-v2.jsonld").read_text())["@context"]
    ob = json.loads((STANDARDS / "ob-context-3.0.3.json").read_text())["@context"]
    for term in (
        "VerifiableCredential",
        "BitstringStatusListCredential",
        "BitstringStatusListEntry",
    ):
        assert term in vc
    for term in ("OpenBadgeCredential", "AchievementSubject", "Achievement", "Profile"):
        assert term in ob
    assert VC_CONTEXT == "https://www.w3.org/ns/credentials/v2"
    assert OB_CONTEXT.endswith("/context-3.0.3.json")


def test_the_shipped_schema_requires_what_the_ob3_specification_requires():
    schema = json.loads((STANDARDS / "ob_v3p0_achievementcredential_schema.json").read_text())
    assert set(schema["required"]) >= {"@context", "id", "type", "issuer", "validFrom"}
    assert schema["properties"]["@context"]["items"][0]["enum"] == [VC_CONTEXT]


def test_the_extensions_context_is_the_one_1edtech_publishes():
    ext = json.loads((STANDARDS / "ob-extensions.json").read_text())["@context"]
    assert ext["1EdTechJsonSchemaValidator2019"] == (
        "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019"
    )


@pytest.mark.django_db
def test_credentials_and_status_lists_expand_in_safe_mode_with_the_bundled_contexts_alone():
    """pyld (Digital Bazaar's Python JSON-LD processor), no network: a dropped property or
    a relative @type fails, as in jsonld.js safe mode (tests/credentials/node checks that)."""
    document = credential_issue(certificate=CertificateFactory()).document
    assert document["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    ]
    expand_safe(document)
    assert "_:" in canonical_nquads(document) or "<urn:uuid:" in canonical_nquads(document)
    expand_safe(status_list_secured(number=1).data_integrity)
    expand_safe(status_list_secured(number=2).data_integrity)

    without_extensions = {**document, "@context": document["@context"][:2]}
    with pytest.raises(UnsafeJsonLd, match="1EdTechJsonSchemaValidator2019"):
        expand_safe(without_extensions)
    with pytest.raises(UnsafeJsonLd, match="nickname"):
        expand_safe({**document, "nickname": "Noor"})


@pytest.mark.django_db
def test_the_ob3_schema_check_passes_our_credential_and_fails_a_broken_one():
    from .verifier import ob3_schema_errors

    document = credential_issue(certificate=CertificateFactory()).document
    assert ob3_schema_errors(document) == []
    without_issuer = {k: v for k, v in document.items() if k != "issuer"}
    assert ob3_schema_errors(without_issuer) != []
    bad_entry = {"type": "BitstringStatusListEntry"}
    assert any(
        '"id" is a required property' in error
        for error in ob3_schema_errors({**document, "credentialStatus": bad_entry})
    )
    # Why a credential carries one status entry: the schema refuses a set.
    two_entries = [document["credentialStatus"], document["credentialStatus"]]
    assert ob3_schema_errors({**document, "credentialStatus": two_entries}) != []
