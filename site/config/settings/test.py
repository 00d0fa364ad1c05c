"""Settings for the test suite: fast hashing, in-memory email and cache."""

from .base import *  # noqa: F403
from .base import DATABASES, SQLITE_OPTIONS, env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "training.files.storage.MediaInMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "certificates": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
# Tests run against SQLite (in memory) unless DATABASE_URL points elsewhere,
# which is how CI runs the same suite again on PostgreSQL.
if "DATABASE_URL" not in env.ENVIRON:
    DATABASES["default"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": ":memory:",
        "OPTIONS": dict(SQLITE_OPTIONS),
    }
WAGTAILADMIN_BASE_URL = "http://testserver"
# Background tasks run at once, inside the call that enqueues them.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Maintenance mode is switched by tests only (a fixture points this at its own
# temporary file): a `manage.py maintenance on` in this checkout never reaches them.
MAINTENANCE_FILE = BASE_DIR / "var" / "test-maintenance-switched-by-fixtures-only"  # noqa: F405
