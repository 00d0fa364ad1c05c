"""The admin toolkit (`training/admin_toolkit.py`): what every admin screen gets without
asking, so no app sets it by hand."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, login_with_mfa

SCREENS = [
    "certificates_admin:index",
    "certificates_admin:signoffs",
    "cohorts:index",
    "practice_admin:index",
    "privacy_erasure:index",
    "reflection_concerns:index",
    "reflection_queue:index",
    "reflection_ratings:index",
    "shared_sessions:index",
    "support_requests:index",
    "external_activities:index",
    "intervision_groups:index",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", SCREENS)
def test_every_admin_screen_is_kept_by_no_cache(client, name):
    """Wagtail wraps every admin URL in `never_cache`: no app needs its own no-store."""
    login_with_mfa(client, UserFactory(is_superuser=True))
    response = client.get(reverse(name))
    assert response.status_code == 200
    directives = set(response["Cache-Control"].split(", "))
    assert {"no-store", "private"} <= directives


def test_no_admin_module_sets_cache_headers_itself():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "training"
    offenders = [
        str(path.relative_to(root))
        for path in root.glob("*/admin*.py")
        if "no_store(" in path.read_text() or "Cache-Control" in path.read_text()
    ]
    assert offenders == []
