"""The restore drill: seed, back up, wipe, restore, compare; and every refusal.

Runs on whatever database the suite runs on: SQLite in `make test` (the
online backup API), PostgreSQL in `make postgres-test` (pg_dump/pg_restore
against the test database, whose schema the wipe drops). Files live in
temporary folders laid out as in production (the exports folder inside the
certificates' folder), the credential keys in a temporary key directory.
"""

import datetime
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.credentials.verifier import verify_vc_jwt
from tests.factories import (
    PASSWORD,
    PeerReviewFactory,
    TrainerFactory,
    UserFactory,
    reflection_cohort,
    wagtail_image,
)
from training.accounts.services import user_email_mark_verified
from training.assessments.models import SubmissionVersion
from training.assessments.reflections import services as reflections
from training.certificates.models import Certificate
from training.certificates.services import certificate_import
from training.certificates.services.revocation import certificate_revoke
from training.certificates.tasks import certificate_issue_task
from training.continuing.services import practice_session_create
from training.credentials.did import did_document
from training.credentials.models import Credential
from training.operations import backup as ops

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSPHRASE = "correct horse battery staple"
DRAFT = "Ik merkte dat ik wilde adviseren. Toen heb ik doorgevraagd"


@pytest.fixture
def installation(settings, tmp_path, monkeypatch):
    """File storages and keys in temporary folders, as production lays them out."""
    media, private = tmp_path / "media", tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media)},
        },
        "certificates": {
            "BACKEND": "training.certificates.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(private)},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(private / "exports"), "base_url": None},
        },
    }
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "credential-keys")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setenv("BACKUP_PASSPHRASE", PASSPHRASE)
    return type(
        "Installation",
        (),
        {"media": media, "private": private, "keys": tmp_path / "credential-keys"},
    )


@pytest.fixture
def backups(tmp_path):
    return tmp_path / "backups"


@pytest.fixture
def schema_guard():
    """A drill that fails half-way must not leave the next test without tables."""
    yield
    if "accounts_user" not in connection.introspection.table_names():
        call_command("migrate", verbosity=0)
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)


def seed():
    """Work of every kind a restore must bring back."""
    assignment, (author, other) = reflection_cohort(learners=2)
    user_email_mark_verified(author.learner)
    draft = reflections.submission_get_or_create(enrolment=author, assignment=assignment)
    reflections.draft_save(submission=draft, text="Eerste zin.", base_revision=0)
    reflections.draft_save(submission=draft, text=DRAFT, base_revision=1)
    submitted = reflections.submission_get_or_create(enrolment=other, assignment=assignment)
    reflections.submission_submit(
        submission=submitted, text="Wat ik leerde over luisteren.", audience="peers"
    )
    PeerReviewFactory(
        submission=submitted, version=submitted.versions.get(number=1), reviewer=author.learner
    )
    kept = certificate_import(enrolment=author, issued_on=datetime.date(2026, 3, 1))
    revoked = certificate_import(enrolment=other, issued_on=datetime.date(2026, 3, 1))
    certificate_revoke(certificate=revoked, user=TrainerFactory(), reason="Per vergissing.")
    practice_session_create(
        facilitator=author.learner,
        client_id="3f1c6a1e-8a55-4a35-9d1c-0e6c2b7f0a11",
        held_on=datetime.date(2026, 3, 2),
        group_kind="Avondgroep",
        setting="on_site",
        duration_minutes=90,
        participants=6,
        listening_moment="Ik liet een stilte vallen.",
    )
    wagtail_image(title="Groepsfoto")

    return author, draft, kept, revoked


def pending_task():
    """A queued task, as django-tasks-db stores it, that must still be waiting afterwards."""
    return DBTaskResult.objects.create(
        task_path=certificate_issue_task.module_path,
        args_kwargs={"args": [], "kwargs": {"enrolment_id": 1}},
        queue_name="default",
        backend_name="default",
        run_after=timezone.now() + datetime.timedelta(days=1),
        exception_class_path="",
        traceback="",
    )


def file_checksums(*folders: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder.parent)): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def wipe(installation):
    """Lose everything: every table, every file, every key."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    else:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in connection.introspection.table_names():
                cursor.execute(f'DROP TABLE IF EXISTS "{table}"')
            cursor.execute("PRAGMA foreign_keys = ON")
    for folder in (installation.media, installation.private, installation.keys):
        shutil.rmtree(folder, ignore_errors=True)
    cache.clear()


def run_backup(root: Path) -> Path:
    out = io.StringIO()
    call_command("backup", f"--output-dir={root}", stdout=out)
    return Path(out.getvalue().strip().splitlines()[-1])


def run_restore(path: Path, *args) -> str:
    out = io.StringIO()
    call_command("restore", str(path), *args, stdout=out)
    return out.getvalue()


def test_restore_drill(client, installation, backups, schema_guard):
    author, draft, kept, revoked = seed()
    task = pending_task()
    counts = ops.row_counts()
    files = file_checksums(installation.media, installation.private)
    assert any(name.endswith(".pdf") for name in files)
    tokens = dict(Credential.objects.values_list("certificate_id", "jwt"))
    assert len(tokens) == 2 and all(tokens.values())

    path = run_backup(backups)
    assert path.parent == backups and path.name.startswith(ops.PREFIX)
    manifest = json.loads((path / ops.MANIFEST).read_text())
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["rows"] == counts
    assert manifest["code_version"]
    assert DRAFT not in (path / ops.MANIFEST).read_text()
    assert b"PRIVATE KEY" not in (path / ops.KEYS_FILE).read_bytes()

    wipe(installation)
    assert ops.installation_is_empty()
    report = run_restore(path)
    assert f"{len(tokens)} credentials verify" in report

    assert ops.row_counts() == counts
    assert file_checksums(installation.media, installation.private) == files
    # Every PDF matches its stored SHA-256; every credential verifies, with an
    # independent verifier, against the restored DID document.
    for certificate in Certificate.objects.all():
        with certificate.pdf.open("rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == certificate.pdf_sha256
    for token in Credential.objects.values_list("jwt", flat=True):
        verify_vc_jwt(token, resolver=lambda did: did_document())
    assert Credential.objects.get(certificate=revoked).revoked
    assert Certificate.objects.get(pk=revoked.pk).is_revoked
    assert list(
        SubmissionVersion.objects.get(submission=draft, number=1)
        .draft_revisions.order_by("revision")
        .values_list("text", flat=True)
    ) == ["Eerste zin.", DRAFT]
    assert DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.READY

    # The learner signs in with their password and goes on typing.
    signed_in = client.post(
        reverse("account_login"), {"login": author.learner.email, "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    page = client.get(reverse("reflections:detail", args=[draft.public_id]))
    assert DRAFT in page.content.decode()
    saved = client.post(
        reverse("reflections:autosave", args=[draft.public_id]),
        {"text": DRAFT + " en dat hielp.", "base_revision": 2},
        content_type="application/json",
        headers={"Accept": "application/json"},
    )
    assert saved.status_code == 200, saved.content
    assert saved.json()["revision"] == 3


def changed_after_backup(draft):
    """A word typed after the backup: a refused restore must leave it."""
    reflections.draft_save(submission=draft, text=DRAFT + " Later getypt.", base_revision=2)


def untouched(draft, installation, keys_before) -> bool:
    return (
        draft.versions.get(number=1).text == DRAFT + " Later getypt."
        and file_checksums(installation.keys) == keys_before
    )


def test_a_corrupted_file_is_named_and_nothing_is_restored(installation, backups):
    _author, draft, _kept, _revoked = seed()
    path = run_backup(backups)
    changed_after_backup(draft)
    keys = file_checksums(installation.keys)
    manifest = json.loads((path / ops.MANIFEST).read_text())
    pdf = next(name for name in manifest["files"] if name.endswith(".pdf"))
    target = path / pdf
    target.write_bytes(target.read_bytes()[:-10] + b"0123456789")

    with pytest.raises(CommandError, match=f"Checksum mismatch: {pdf}"):
        run_restore(path, "--force")
    assert untouched(draft, installation, keys)


def test_keys_left_out_of_the_backup_refuse_the_restore(installation, backups):
    _author, draft, _kept, _revoked = seed()
    path = run_backup(backups)
    changed_after_backup(draft)
    keys = file_checksums(installation.keys)
    (path / ops.KEYS_FILE).unlink()

    with pytest.raises(CommandError, match=f"Missing from the backup: {ops.KEYS_FILE}"):
        run_restore(path, "--force")
    assert untouched(draft, installation, keys)


def test_a_wrong_or_missing_passphrase_refuses_the_restore(installation, backups, monkeypatch):
    _author, draft, _kept, _revoked = seed()
    path = run_backup(backups)
    changed_after_backup(draft)
    keys = file_checksums(installation.keys)

    monkeypatch.setenv("BACKUP_PASSPHRASE", "not the passphrase")
    with pytest.raises(CommandError, match="wrong BACKUP_PASSPHRASE"):
        run_restore(path, "--force")
    monkeypatch.delenv("BACKUP_PASSPHRASE")
    with pytest.raises(CommandError, match="BACKUP_PASSPHRASE is not set"):
        run_restore(path, "--force")
    assert untouched(draft, installation, keys)


def test_a_backup_needs_a_passphrase(installation, backups, monkeypatch):
    monkeypatch.delenv("BACKUP_PASSPHRASE")
    with pytest.raises(CommandError, match="BACKUP_PASSPHRASE is not set"):
        run_backup(backups)
    assert not backups.exists() or not any(backups.iterdir())


def test_a_non_empty_installation_is_refused_without_force(installation, backups):
    _author, draft, _kept, _revoked = seed()
    path = run_backup(backups)
    changed_after_backup(draft)

    with pytest.raises(CommandError, match="not empty"):
        run_restore(path)
    assert draft.versions.get(number=1).text == DRAFT + " Later getypt."

    run_restore(path, "--force")
    assert draft.versions.get(number=1).text == DRAFT


def test_a_schema_newer_than_the_code_is_refused(installation, backups):
    _author, draft, _kept, _revoked = seed()
    path = run_backup(backups)
    changed_after_backup(draft)
    keys = file_checksums(installation.keys)
    manifest = json.loads((path / ops.MANIFEST).read_text())
    manifest["migrations"].append(["certificates", "9999_from_the_future"])
    (path / ops.MANIFEST).write_text(json.dumps(manifest))

    with pytest.raises(CommandError, match="newer than this code.*certificates.9999_from_the"):
        run_restore(path, "--force")
    assert untouched(draft, installation, keys)


def _fake_backup(root: Path, created: datetime.datetime) -> Path:
    path = root / f"{ops.PREFIX}{created.strftime('%Y%m%dT%H%M%SZ')}"
    path.mkdir(parents=True)
    (path / ops.MANIFEST).write_text(json.dumps({"created_at": created.isoformat()}))
    return path


def test_retention_keeps_the_newest_and_drops_the_old(backups):
    now = datetime.datetime(2026, 3, 20, 3, 0, tzinfo=datetime.UTC)
    made = [_fake_backup(backups, now - datetime.timedelta(days=d)) for d in (40, 20, 10, 2, 1)]
    (backups / "notes.txt").write_text("not a backup")
    newest = _fake_backup(backups, now)

    deleted = ops.backups_prune(root=backups, keep=4, spare=newest, now=now)
    assert deleted == made[:2]
    deleted = ops.backups_prune(root=backups, max_age_days=5, spare=newest, now=now)
    assert deleted == [made[2]]
    assert ops.backups_list(backups) == [made[3], made[4], newest]
    assert (backups / "notes.txt").exists()
    assert ops.backups_prune(root=backups, keep=1, max_age_days=0, spare=newest, now=now) == [
        made[3],
        made[4],
    ]
    assert ops.backups_list(backups) == [newest]


def test_a_freshly_migrated_installation_counts_as_empty(installation):
    assert ops.installation_is_empty()
    UserFactory()
    assert not ops.installation_is_empty()


def test_a_file_or_a_key_makes_an_installation_not_empty(installation):
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    storages["default"].save(".readyz/probe.probe", ContentFile(b"ok"))  # a probe is nothing
    assert ops.installation_is_empty()
    storages["certificates"].save("2026/03/a.pdf", ContentFile(b"%PDF"))
    assert not ops.installation_is_empty()
    storages["certificates"].delete("2026/03/a.pdf")
    installation.keys.mkdir(parents=True)
    (installation.keys / "key-1.public.pem").write_text("-----")
    assert not ops.installation_is_empty()
