"""The contexts and the schema are shipped with the project, and are the ones credentials name."""

import json

from training.credentials.documents import OB_CONTEXT, VC_CONTEXT

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
