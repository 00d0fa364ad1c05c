import pytest


@pytest.fixture(autouse=True)
def credential_keys(settings, tmp_path):
    """Each test signs with keys of its own, in a directory of its own."""
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "credential-keys")
    return tmp_path / "credential-keys"


@pytest.fixture
def site_url_at_now(live_server, settings):
    """The live site with its clock pinned to `third_party.NOW` (the verifiers' moment)."""
    import time_machine

    from .third_party import NOW

    settings.WAGTAILADMIN_BASE_URL = live_server.url
    with time_machine.travel(NOW, tick=False):
        yield live_server.url
