import pytest


@pytest.fixture(autouse=True)
def credential_keys(settings, tmp_path):
    """Each test signs with keys of its own, in a directory of its own."""
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "credential-keys")
    return tmp_path / "credential-keys"
