"""The issuer's Ed25519 keys, kept as files outside the database.

`CREDENTIALS_KEY_DIR` (a setting or an environment variable; by default
`var/credential-keys/`) holds `key-<n>.public.pem` for every key the site
ever used, and `key-<n>.pem`, the private key, for the newest only: it signs.
Rotation adds key n+1 and deletes the older private key, which signs
nothing any more; its public half stays in the DID document, so credentials
it signed keep verifying.

Outside production (or with `CREDENTIALS_KEY_AUTOGENERATE = True`) the first
key is generated on first use; in production `manage.py credentials_keygen`
must have run, so a lost key directory fails loudly instead of silently
starting a new identity.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

_PUBLIC = re.compile(r"^key-(\d+)\.public\.pem$")
_PRIVATE = re.compile(r"^key-(\d+)\.pem$")


class NoSigningKey(ImproperlyConfigured):
    pass


@dataclass(frozen=True)
class PublicKey:
    number: int
    key: Ed25519PublicKey

    @property
    def fragment(self) -> str:
        return f"key-{self.number}"


def key_dir() -> Path:
    configured = getattr(settings, "CREDENTIALS_KEY_DIR", None) or os.environ.get(
        "CREDENTIALS_KEY_DIR"
    )
    return Path(configured) if configured else Path(settings.BASE_DIR) / "var" / "credential-keys"


def _autogenerate() -> bool:
    configured = getattr(settings, "CREDENTIALS_KEY_AUTOGENERATE", None)
    if configured is not None:
        return bool(configured)
    module = getattr(settings, "SETTINGS_MODULE", None) or os.environ.get(
        "DJANGO_SETTINGS_MODULE", ""
    )
    return settings.DEBUG or not module.endswith(".production")


def _private_path(number: int) -> Path:
    return key_dir() / f"key-{number}.pem"


def _public_path(number: int) -> Path:
    return key_dir() / f"key-{number}.public.pem"


def _public_pem(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _load_private(number: int) -> Ed25519PrivateKey | None:
    try:
        key = serialization.load_pem_private_key(_private_path(number).read_bytes(), None)
    except FileNotFoundError:
        return None
    return key if isinstance(key, Ed25519PrivateKey) else None


def public_keys() -> list[PublicKey]:
    """Every key the site has used, oldest first (from the public files, and from the
    private key of one whose public file is not written yet)."""
    directory = key_dir()
    if not directory.is_dir():
        return []
    keys: dict[int, Ed25519PublicKey] = {}
    for path in directory.iterdir():
        public = _PUBLIC.match(path.name)
        private = _PRIVATE.match(path.name)
        if public:
            key = serialization.load_pem_public_key(path.read_bytes())
            if isinstance(key, Ed25519PublicKey):
                keys[int(public.group(1))] = key
        elif private and int(private.group(1)) not in keys:
            key = _load_private(int(private.group(1)))
            if key is not None:
                keys[int(private.group(1))] = key.public_key()
    return [PublicKey(number, keys[number]) for number in sorted(keys)]


def _write_exclusive(path: Path, content: bytes, mode: int) -> bool:
    """Create `path` with `content`, complete or not at all; False if it exists already.

    Written to a temporary file first and linked into place, so no other
    process ever reads a half-written key.
    """
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        return True
    finally:
        os.unlink(temporary)


def key_generate(*, number: int) -> bool:
    """Create key `number` (private, then public file). False if it exists already."""
    directory = key_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    if _private_path(number).exists() or _public_path(number).exists():
        return False
    if not _write_exclusive(_private_path(number), pem, 0o600):
        return False
    _write_exclusive(_public_path(number), _public_pem(private), 0o644)
    return True


def key_ensure() -> int:
    """The first key, created if there is none yet. Returns the newest key's number."""
    keys = public_keys()
    if keys:
        return keys[-1].number
    key_generate(number=1)
    return public_keys()[-1].number


def key_rotate() -> int:
    """Add the next key; it signs from now on. The older private keys are deleted."""
    keys = public_keys()
    number = (keys[-1].number if keys else 0) + 1
    while not key_generate(number=number):
        number += 1
    for older in keys:
        # Its public half must stay publishable before the private key goes.
        private = _load_private(older.number)
        if private is not None:
            _write_exclusive(_public_path(older.number), _public_pem(private), 0o644)
        _private_path(older.number).unlink(missing_ok=True)
    return number


def signing_key() -> tuple[int, bytes]:
    """The newest key's number and its private key (PEM)."""
    keys = public_keys()
    if not keys:
        if not _autogenerate():
            raise NoSigningKey(
                f"No credential signing key in {key_dir()}: run manage.py credentials_keygen."
            )
        key_ensure()
        keys = public_keys()
    newest = keys[-1].number
    path = _private_path(newest)
    if not path.exists():
        raise NoSigningKey(f"The private key of key-{newest} is missing from {key_dir()}.")
    return newest, path.read_bytes()
