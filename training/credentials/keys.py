"""The issuer's signing keys, kept as files outside the database.

Two kinds, each with its own numbering and rotation:

- Ed25519 (`key-<n>.pem`): the Data Integrity proofs (`eddsa-rdfc-2022`), and
  the EdDSA VC-JWTs issued before the JWTs moved to ES256;
- P-256 (`es256-key-<n>.pem`): the VC-JWTs (ES256, Open Badges 3.0 §8.2).

`CREDENTIALS_KEY_DIR` (a setting or an environment variable; by default
`var/credential-keys/`) holds `<prefix>-<n>.public.pem` for every key the site
ever used, and `<prefix>-<n>.pem`, the private key, for the newest of each kind
only: it signs. Rotation adds key n+1 and deletes the older private key, which
signs nothing any more; its public half stays in the DID document, so
credentials it signed keep verifying.

Outside production (or with `CREDENTIALS_KEY_AUTOGENERATE = True`) the first
key is generated on first use; in production `manage.py credentials_keygen`
must have run, so a lost key directory fails loudly instead of silently
starting a new identity.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class NoSigningKey(ImproperlyConfigured):
    pass


@dataclass(frozen=True)
class KeyKind:
    name: str
    prefix: str
    generate: Callable[[], object]
    private_type: type
    public_type: type

    def public_pattern(self) -> re.Pattern:
        return re.compile(rf"^{re.escape(self.prefix)}-(\d+)\.public\.pem$")

    def private_pattern(self) -> re.Pattern:
        return re.compile(rf"^{re.escape(self.prefix)}-(\d+)\.pem$")


ED25519 = KeyKind(
    name="ed25519",
    prefix="key",
    generate=Ed25519PrivateKey.generate,
    private_type=Ed25519PrivateKey,
    public_type=Ed25519PublicKey,
)
ES256 = KeyKind(
    name="es256",
    prefix="es256-key",
    generate=lambda: ec.generate_private_key(ec.SECP256R1()),
    private_type=ec.EllipticCurvePrivateKey,
    public_type=ec.EllipticCurvePublicKey,
)
KINDS = {kind.name: kind for kind in (ED25519, ES256)}


@dataclass(frozen=True)
class PublicKey:
    number: int
    key: object
    kind: KeyKind = ED25519


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


def _private_path(number: int, kind: KeyKind = ED25519) -> Path:
    return key_dir() / f"{kind.prefix}-{number}.pem"


def _public_path(number: int, kind: KeyKind = ED25519) -> Path:
    return key_dir() / f"{kind.prefix}-{number}.public.pem"


def _public_pem(private) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _load_private(number: int, kind: KeyKind = ED25519):
    try:
        key = serialization.load_pem_private_key(_private_path(number, kind).read_bytes(), None)
    except FileNotFoundError:
        return None
    return key if isinstance(key, kind.private_type) else None


def public_keys(kind: KeyKind = ED25519) -> list[PublicKey]:
    """Every key of `kind` the site has used, oldest first (from the public files, and
    from the private key of one whose public file is not written yet)."""
    directory = key_dir()
    if not directory.is_dir():
        return []
    public_pattern, private_pattern = kind.public_pattern(), kind.private_pattern()
    keys: dict[int, object] = {}
    for path in directory.iterdir():
        public = public_pattern.match(path.name)
        private = private_pattern.match(path.name)
        if public:
            key = serialization.load_pem_public_key(path.read_bytes())
            if isinstance(key, kind.public_type):
                keys[int(public.group(1))] = key
        elif private and int(private.group(1)) not in keys:
            key = _load_private(int(private.group(1)), kind)
            if key is not None:
                keys[int(private.group(1))] = key.public_key()
    return [PublicKey(number, keys[number], kind) for number in sorted(keys)]


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


def key_generate(*, number: int, kind: KeyKind = ED25519) -> bool:
    """Create key `number` of `kind` (private, then public file). False if it exists already."""
    directory = key_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    private = kind.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    if _private_path(number, kind).exists() or _public_path(number, kind).exists():
        return False
    if not _write_exclusive(_private_path(number, kind), pem, 0o600):
        return False
    _write_exclusive(_public_path(number, kind), _public_pem(private), 0o644)
    return True


def key_ensure(kind: KeyKind = ED25519) -> int:
    """The first key of `kind`, created if there is none yet. Returns the newest key's number."""
    keys = public_keys(kind)
    if keys:
        return keys[-1].number
    key_generate(number=1, kind=kind)
    return public_keys(kind)[-1].number


def key_rotate(kind: KeyKind = ED25519) -> int:
    """Add the next key of `kind`; it signs from now on. The older private keys are deleted."""
    keys = public_keys(kind)
    number = (keys[-1].number if keys else 0) + 1
    while not key_generate(number=number, kind=kind):
        number += 1
    for older in keys:
        # Its public half must stay publishable before the private key goes.
        private = _load_private(older.number, kind)
        if private is not None:
            _write_exclusive(_public_path(older.number, kind), _public_pem(private), 0o644)
        _private_path(older.number, kind).unlink(missing_ok=True)
    return number


def signing_key(kind: KeyKind = ED25519) -> tuple[int, bytes]:
    """The newest key of `kind`: its number and its private key (PEM)."""
    keys = public_keys(kind)
    if not keys:
        if not _autogenerate():
            raise NoSigningKey(
                f"No credential signing key in {key_dir()}: run manage.py credentials_keygen."
            )
        key_ensure(kind)
        keys = public_keys(kind)
    newest = keys[-1].number
    path = _private_path(newest, kind)
    if not path.exists():
        raise NoSigningKey(
            f"The private key of {kind.prefix}-{newest} is missing from {key_dir()}."
        )
    return newest, path.read_bytes()
