"""Backup and restore of the whole platform: database, files, credential keys.

A backup is one directory, `lotgenoot-backup-<UTC time>/`, written under a
hidden `.partial` name and renamed when complete (a half-written backup is
never taken for one):

- `database.sqlite3` (SQLite's online backup API: a consistent copy while the
  site runs) or `database.pgdump` (`pg_dump --format=custom` in an exported
  snapshot; the row counts in the manifest are read in that same snapshot);
- `storages/<alias>/…`: every file of every storage but the static files
  (media, certificate PDFs, data exports); a storage on S3 is listed in
  `storages/<alias>.s3-manifest.json` (key, size, ETag) instead;
- `credential-keys.tar.enc`: every file of `CREDENTIALS_KEY_DIR` (whatever
  keys are there), as a tar encrypted with Fernet (cryptography) under a key
  derived from `BACKUP_PASSPHRASE` with scrypt: the keys make every issued
  credential verifiable, and whoever holds them can sign as the site;
- `manifest.json`: SHA-256 and size of every other file, the code version,
  the applied migrations, the database vendor, row counts per model.

A restore goes into an empty installation (or with `force`), refuses a backup
whose schema has migrations this code does not know, checks every checksum
and decrypts the keys before it changes anything, then migrates, and checks
the result: row counts per model, every certificate PDF against its SHA-256,
every credential against the restored DID document.

Nothing personal is logged or printed: paths of backups, file and row counts,
names of migrations and of files in the backup's own layout.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import io
import json
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from training.credentials.keys import key_dir

from .health import PROBE_DIR

logger = logging.getLogger(__name__)

FORMAT = 1
PREFIX = "lotgenoot-backup-"
MANIFEST = "manifest.json"
KEYS_FILE = "credential-keys.tar.enc"
STORAGES_DIR = "storages"
SQLITE_FILE = "database.sqlite3"
PGDUMP_FILE = "database.pgdump"
CHUNK = 1024 * 1024
# scrypt's cost: 2**15 × 8 × 128 bytes = 32 MiB and about 0.1 s per derivation.
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
_NAME = re.compile(rf"^{PREFIX}\d{{8}}T\d{{6}}Z(-\d+)?$")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is safe to show (nothing personal)."""


class ChecksumMismatch(BackupError):
    pass


class WrongPassphrase(BackupError):
    pass


class SchemaTooNew(BackupError):
    pass


class NotEmpty(BackupError):
    pass


class RestoreIncomplete(BackupError):
    pass


# --- small helpers --------------------------------------------------------------


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _passphrase_key(passphrase: str, salt: bytes) -> bytes:
    if not passphrase:
        raise BackupError("BACKUP_PASSPHRASE is not set: the credential keys cannot be protected.")
    kdf = Scrypt(salt=salt, length=32, **SCRYPT)
    return base64.urlsafe_b64encode(kdf.derive(passphrase.encode("utf-8")))


def _safe_name(name: str) -> str:
    """A storage name from a manifest, refused if it could leave the storage's root."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Refusing an unsafe file name in the backup: {name!r}")
    return str(path)


def code_version() -> str:
    """`git describe` of the code when it is a git checkout, else the project version."""
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--tags"],  # noqa: S607
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        described = ""
    return described or "unknown"


def _connection():
    return connections[DEFAULT_DB_ALIAS]


def _data_models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _count_rows(cursor, tables: set[str]) -> dict[str, int]:
    quote = _connection().ops.quote_name
    counts = {}
    for model in _data_models():
        table = model._meta.db_table
        if table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - our table names
            counts[model._meta.label] = cursor.fetchone()[0]
    return dict(sorted(counts.items()))


def row_counts() -> dict[str, int]:
    """Rows per model (app_label.ModelName), for every table there is."""
    connection = _connection()
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        return _count_rows(cursor, tables)


# --- the database -----------------------------------------------------------------


def _pg_args(db: dict) -> tuple[list[str], dict]:
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed (scripts/install-postgres.sh installs it).")
    return found


def _dump_database(target: Path) -> tuple[str, dict[str, int], list[list[str]]]:
    """Write the database into `target` (a directory); (file name, row counts, applied migrations)."""
    connection = _connection()
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        destination = sqlite3.connect(target / SQLITE_FILE)
        try:
            connection.connection.backup(destination)
            tables = {row[0] for row in destination.execute("SELECT name FROM sqlite_master")}
            counts = _count_rows(destination.cursor(), tables)
            migrations = (
                [
                    list(row)
                    for row in destination.execute("SELECT app, name FROM django_migrations")
                ]
                if "django_migrations" in tables
                else []
            )
        finally:
            destination.close()
        return SQLITE_FILE, counts, sorted(migrations)
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        args, env = _pg_args(db)
        # One snapshot for the counts, the migrations and pg_dump: the manifest
        # describes exactly what the dump holds, while the site goes on writing.
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            connection.set_autocommit(False)
            try:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                cursor.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )
                counts = _count_rows(cursor, {row[0] for row in cursor.fetchall()})
                cursor.execute("SELECT app, name FROM django_migrations")
                migrations = sorted([list(row) for row in cursor.fetchall()])
                subprocess.run(  # noqa: S603
                    [
                        _pg_tool("pg_dump"),
                        "--format=custom",
                        "--no-owner",
                        "--no-privileges",
                        f"--snapshot={snapshot}",
                        f"--file={target / PGDUMP_FILE}",
                        *args,
                        "--dbname",
                        str(db["NAME"]),
                    ],
                    env=env,
                    check=True,
                    capture_output=True,
                )
            except subprocess.CalledProcessError as error:
                raise BackupError(f"pg_dump failed (exit {error.returncode}).") from error
            finally:
                connection.rollback()
                connection.set_autocommit(True)
        return PGDUMP_FILE, counts, migrations
    raise BackupError(f"Backups of a {connection.vendor} database are not supported.")


def _load_database(path: Path, vendor: str) -> None:
    connection = _connection()
    if vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()
        return
    db = connection.settings_dict
    args, env = _pg_args(db)
    with connection.cursor() as cursor:
        # A fresh, empty schema: nothing of the installation restored over survives.
        cursor.execute("DROP SCHEMA IF EXISTS public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    connection.close()
    try:
        subprocess.run(  # noqa: S603
            [
                _pg_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *args,
                "--dbname",
                str(db["NAME"]),
                str(path),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
    except subprocess.CalledProcessError as error:
        raise BackupError(f"pg_restore failed (exit {error.returncode}).") from error


# --- file storages ----------------------------------------------------------------


def backup_storages() -> list[str]:
    return [alias for alias in settings.STORAGES if alias != "staticfiles"]


def _is_s3(storage) -> bool:
    """django-storages' S3 backend or a subclass (the media storage), without importing
    boto3 where no bucket is configured."""
    return any(cls.__module__.startswith("storages.backends.s3") for cls in type(storage).__mro__)


def _location(storage) -> Path | None:
    return Path(storage.location).resolve() if isinstance(storage, FileSystemStorage) else None


def storage_files(alias: str) -> list[str]:
    """Every file name in storage `alias`, without the readiness probes and without
    another storage's files where that one's folder lies inside this one's."""
    storage = storages[alias]
    own = _location(storage)
    others = {
        _location(storages[other])
        for other in backup_storages()
        if other != alias and _location(storages[other]) is not None
    }
    nested = {path for path in others if own is not None and path != own and own in path.parents}
    names: list[str] = []

    def walk(prefix: str) -> None:
        try:
            directories, files = storage.listdir(prefix)
        except FileNotFoundError:
            return
        names.extend(str(PurePosixPath(prefix, name)) for name in files)
        for directory in directories:
            path = str(PurePosixPath(prefix, directory))
            if path == PROBE_DIR:
                continue
            if own is not None and (own / path).resolve() in nested:
                continue
            walk(path)

    walk("")
    return sorted(names)


def _copy_storage(alias: str, target: Path) -> int:
    storage = storages[alias]
    count = 0
    for name in storage_files(alias):
        destination = target / STORAGES_DIR / alias / _safe_name(name)
        destination.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, destination.open("wb") as handle:
            shutil.copyfileobj(source, handle, CHUNK)
        count += 1
    return count


def _s3_manifest(alias: str, target: Path) -> int:
    storage = storages[alias]
    prefix = f"{storage.location.rstrip('/')}/" if storage.location else ""
    objects = [
        {"key": item.key, "size": item.size, "etag": item.e_tag.strip('"')}
        for item in storage.bucket.objects.filter(Prefix=prefix)
        if not item.key.removeprefix(prefix).startswith(f"{PROBE_DIR}/")
    ]
    path = target / STORAGES_DIR / f"{alias}.s3-manifest.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"bucket": storage.bucket_name, "objects": objects}, indent=1))
    return len(objects)


# --- credential keys --------------------------------------------------------------


def _keys_tar() -> tuple[bytes, int]:
    buffer = io.BytesIO()
    count = 0
    directory = key_dir()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        if directory.is_dir():
            for path in sorted(directory.rglob("*")):
                if path.is_file() and not path.name.startswith(".tmp-"):
                    archive.add(path, arcname=str(path.relative_to(directory)), recursive=False)
                    count += 1
    return buffer.getvalue(), count


def _keys_encrypt(target: Path, passphrase: str) -> dict:
    salt = os.urandom(16)
    fernet = Fernet(_passphrase_key(passphrase, salt))
    plain, count = _keys_tar()
    (target / KEYS_FILE).write_bytes(fernet.encrypt(plain))
    return {
        "file": KEYS_FILE,
        "cipher": "fernet",
        "kdf": "scrypt",
        "salt": base64.b64encode(salt).decode("ascii"),
        **SCRYPT,
        "files": count,
    }


def _keys_decrypt(
    path: Path, manifest: dict, passphrase: str
) -> list[tuple[tarfile.TarInfo, bytes]]:
    info = manifest["credential_keys"]
    key = _passphrase_key(passphrase, base64.b64decode(info["salt"]))
    try:
        plain = Fernet(key).decrypt((path / info["file"]).read_bytes())
    except InvalidToken as error:
        raise WrongPassphrase(
            "The credential keys cannot be decrypted: wrong BACKUP_PASSPHRASE."
        ) from error
    members = []
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r") as archive:
        for member in archive.getmembers():
            if member.isfile():
                _safe_name(member.name)
                members.append((member, archive.extractfile(member).read()))
    if len(members) != info["files"]:
        raise BackupError("The credential keys in the backup are incomplete.")
    return members


def _keys_install(members) -> None:
    directory = key_dir()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    for member, content in members:
        path = directory / member.name
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f".tmp-restore-{path.name}")
        temporary.write_bytes(content)
        os.chmod(temporary, member.mode & 0o777 or 0o600)
        os.replace(temporary, path)


# --- backup -----------------------------------------------------------------------


def _stamp(now: datetime.datetime) -> str:
    return now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _free_name(root: Path, now: datetime.datetime) -> str:
    name = f"{PREFIX}{_stamp(now)}"
    candidate, n = name, 1
    while (root / candidate).exists() or (root / f".{candidate}.partial").exists():
        n += 1
        candidate = f"{name}-{n}"
    return candidate


def backup_create(*, root: Path, passphrase: str, now: datetime.datetime | None = None) -> Path:
    """Write one complete backup under `root`; returns its directory."""
    now = now or timezone.now()
    _passphrase_key(passphrase, b"0" * 16)  # fail before writing anything
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = _free_name(root, now)
    partial = root / f".{name}.partial"
    partial.mkdir(mode=0o700)
    try:
        database_file, counts, migrations = _dump_database(partial)
        storage_info = {}
        for alias in backup_storages():
            storage = storages[alias]
            if _is_s3(storage):
                storage_info[alias] = {"kind": "s3-manifest", "files": _s3_manifest(alias, partial)}
            else:
                storage_info[alias] = {"kind": "files", "files": _copy_storage(alias, partial)}
        keys = _keys_encrypt(partial, passphrase)
        files = {
            str(path.relative_to(partial).as_posix()): {
                "sha256": _sha256_file(path),
                "size": path.stat().st_size,
            }
            for path in sorted(partial.rglob("*"))
            if path.is_file()
        }
        manifest = {
            "format": FORMAT,
            "created_at": now.astimezone(datetime.UTC).isoformat(),
            "code_version": code_version(),
            "database": {"vendor": _connection().vendor, "file": database_file},
            "migrations": migrations,
            "rows": counts,
            "storages": storage_info,
            "credential_keys": keys,
            "files": files,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
        final = root / name
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    logger.info("Backup written: %s (%d files, %d rows)", final, len(files), sum(counts.values()))
    return final


def backups_list(root: Path) -> list[Path]:
    """Complete backups under `root`, oldest first."""
    if not root.is_dir():
        return []
    return sorted(
        path for path in root.iterdir() if _NAME.match(path.name) and (path / MANIFEST).is_file()
    )


def backups_prune(
    *,
    root: Path,
    keep: int | None = None,
    max_age_days: float | None = None,
    spare: Path | None = None,
    now: datetime.datetime | None = None,
) -> list[Path]:
    """Delete backups beyond the newest `keep` and older than `max_age_days`; never `spare`."""
    now = now or timezone.now()
    existing = backups_list(root)
    doomed: set[Path] = set()
    if keep is not None:
        doomed.update(existing[: max(0, len(existing) - keep)])
    if max_age_days is not None:
        cutoff = now - datetime.timedelta(days=max_age_days)
        for path in existing:
            created = datetime.datetime.fromisoformat(
                json.loads((path / MANIFEST).read_text())["created_at"]
            )
            if created < cutoff:
                doomed.add(path)
    if spare is not None:
        doomed.discard(spare)
    for path in sorted(doomed):
        shutil.rmtree(path)
        logger.info("Old backup deleted: %s", path)
    return sorted(doomed)


# --- restore ----------------------------------------------------------------------


@dataclass
class RestoreReport:
    rows: int = 0
    files: dict[str, int] = field(default_factory=dict)
    certificates_checked: int = 0
    credentials_checked: int = 0


def backup_read(path: Path) -> dict:
    try:
        manifest = json.loads((path / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"No readable {MANIFEST} in {path}.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def backup_verify(path: Path, manifest: dict) -> None:
    """Every file the manifest lists is there with its SHA-256 and size."""
    for name, expected in sorted(manifest["files"].items()):
        file = path / _safe_name(name)
        if not file.is_file():
            raise ChecksumMismatch(f"Missing from the backup: {name}")
        if file.stat().st_size != expected["size"] or _sha256_file(file) != expected["sha256"]:
            raise ChecksumMismatch(f"Checksum mismatch: {name}")


def known_migrations() -> set[tuple[str, str]]:
    """Every migration this code has, including the ones squashed migrations replace."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(tuple(key) for key in migration.replaces)
    return known


def installation_is_empty() -> bool:
    """No account, no page beyond Wagtail's first two, no certificate, no file, no key."""
    connection = _connection()
    tables = set(connection.introspection.table_names())
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    page_model = apps.get_model("wagtailcore", "Page")
    certificate_model = apps.get_model("certificates", "Certificate")
    if user_model._meta.db_table in tables and user_model.objects.exists():
        return False
    if page_model._meta.db_table in tables and page_model.objects.count() > 2:
        return False
    if certificate_model._meta.db_table in tables and certificate_model.objects.exists():
        return False
    for alias in backup_storages():
        if not _is_s3(storages[alias]) and storage_files(alias):
            return False
    directory = key_dir()
    return not (directory.is_dir() and any(p.is_file() for p in directory.rglob("*")))


def _storages_empty_out() -> None:
    for alias in backup_storages():
        storage = storages[alias]
        if not _is_s3(storage):
            for name in storage_files(alias):
                storage.delete(name)


def _files_restore(path: Path, manifest: dict) -> dict[str, int]:
    restored = {}
    prefix = f"{STORAGES_DIR}/"
    by_alias: dict[str, list[str]] = {}
    for name in manifest["files"]:
        if name.startswith(prefix) and not name.endswith(".s3-manifest.json"):
            alias, _slash, rest = name.removeprefix(prefix).partition("/")
            by_alias.setdefault(alias, []).append(rest)
    for alias, info in manifest["storages"].items():
        if alias not in settings.STORAGES:
            raise BackupError(f"The backup has a storage this site does not configure: {alias}")
        storage = storages[alias]
        if info["kind"] == "s3-manifest":
            restored[alias] = _s3_check(alias, path, storage)
            continue
        for name in sorted(by_alias.get(alias, [])):
            with (path / STORAGES_DIR / alias / name).open("rb") as handle:
                saved = storage.save(name, File(handle, name=name))
            if saved != name:
                raise RestoreIncomplete(f"A file of storage {alias} could not keep its name.")
        restored[alias] = len(by_alias.get(alias, []))
    return restored


def _s3_check(alias: str, path: Path, storage) -> int:
    """On S3 the objects stay in the bucket: check the listed ones are there unchanged."""
    listed = json.loads((path / STORAGES_DIR / f"{alias}.s3-manifest.json").read_text())
    present = (
        {
            item.key: item.e_tag.strip('"')
            for item in storage.bucket.objects.filter(Prefix=f"{storage.location.rstrip('/')}/")
        }
        if storage.location
        else {item.key: item.e_tag.strip('"') for item in storage.bucket.objects.all()}
    )
    missing = [o["key"] for o in listed["objects"] if present.get(o["key"]) != o["etag"]]
    if missing:
        raise RestoreIncomplete(
            f"{len(missing)} objects of storage {alias} are missing or changed in the bucket."
        )
    return len(listed["objects"])


def certificates_check() -> int:
    """Every certificate PDF matches its SHA-256; returns how many were checked."""
    from training.certificates.models import Certificate
    from training.certificates.storage import certificate_storage

    bad = []
    checked = 0
    for pk, name, expected in Certificate.objects.exclude(pdf_sha256="").values_list(
        "pk", "pdf", "pdf_sha256"
    ):
        digest = hashlib.sha256()
        try:
            with certificate_storage.open(name, "rb") as handle:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
        except (FileNotFoundError, OSError):
            bad.append(pk)
            continue
        if digest.hexdigest() != expected:
            bad.append(pk)
        checked += 1
    if bad:
        raise RestoreIncomplete(
            f"{len(bad)} certificate PDFs do not match their SHA-256 (certificate ids {bad[:20]})."
        )
    return checked


def credentials_check() -> int:
    """Every signed credential verifies against the restored DID document; how many were."""
    from training.credentials.models import Credential

    from .verification import credential_verify

    bad = []
    checked = 0
    for pk, token in Credential.objects.exclude(jwt="").values_list("pk", "jwt"):
        if not credential_verify(token):
            bad.append(pk)
        checked += 1
    if bad:
        raise RestoreIncomplete(
            f"{len(bad)} credentials do not verify against the DID document (ids {bad[:20]})."
        )
    return checked


def restore(*, path: Path, passphrase: str, force: bool = False) -> RestoreReport:
    """Restore the backup at `path` into this installation (see the module's rules)."""
    manifest = backup_read(path)
    backup_verify(path, manifest)
    keys = _keys_decrypt(path, manifest, passphrase)
    vendor = manifest["database"]["vendor"]
    if vendor != _connection().vendor:
        raise BackupError(
            f"The backup is of a {vendor} database; this site uses {_connection().vendor}."
        )
    unknown = sorted({tuple(m) for m in manifest["migrations"]} - known_migrations())
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in unknown[:10])
        raise SchemaTooNew(
            f"The backup's schema is newer than this code ({len(unknown)} unknown migrations: "
            f"{names}). Restore it with the code version it was made with "
            f"({manifest['code_version']})."
        )
    if not installation_is_empty():
        if not force:
            raise NotEmpty(
                "This installation is not empty (accounts, pages, certificates, files or keys): "
                "restore into an empty one, or pass --force to replace everything."
            )
        _storages_empty_out()

    _load_database(path / manifest["database"]["file"], vendor)
    report = RestoreReport()
    report.files = _files_restore(path, manifest)
    _keys_install(keys)
    cache.clear()
    call_command("migrate", interactive=False, verbosity=0)
    if not _schema_unchanged(manifest):
        report.rows = sum(manifest["rows"].values())
    else:
        counts = row_counts()
        wrong = sorted(
            label for label, count in manifest["rows"].items() if counts.get(label) != count
        )
        if wrong:
            raise RestoreIncomplete(f"Row counts differ after the restore: {', '.join(wrong)}")
        report.rows = sum(counts.values())
    report.certificates_checked = certificates_check()
    report.credentials_checked = credentials_check()
    logger.info(
        "Backup restored: %s (%d rows, %d files, %d PDFs and %d credentials verified)",
        path,
        report.rows,
        sum(report.files.values()),
        report.certificates_checked,
        report.credentials_checked,
    )
    return report


def _schema_unchanged(manifest: dict) -> bool:
    """True when the backup's schema is the code's: no migration ran after loading it,
    so every row count must be exactly the manifest's."""
    applied = {(app, name) for app, name in MigrationRecorder(_connection()).applied_migrations()}
    return applied == {tuple(m) for m in manifest["migrations"]}
