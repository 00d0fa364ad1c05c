"""Production: every secret and host comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from config.object_storage import storages_on_s3

from .base import *  # noqa: F403
from .base import CERTIFICATE_STORAGE, DATABASES, MEDIA_STORAGE, PRIVATE_STORAGE, env

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
DEBUG = False

# Connections are kept between requests on SQLite too (base keeps PostgreSQL's): a new
# SQLite connection reads and parses the whole schema on its first statement, 4-7 ms of
# CPU per signed-in request through gunicorn (README, Performance). Restores write through
# SQLite's backup API into the live file, so a kept connection sees them. Not in dev and
# tests, whose servers start a thread per request.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))

STORAGES = {
    "default": MEDIA_STORAGE,  # private: images and documents, served by checking views
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": PRIVATE_STORAGE,
    "certificates": CERTIFICATE_STORAGE,  # private: PRIVATE_MEDIA_ROOT, never under /media/
}
# AWS_STORAGE_BUCKET_NAME (with AWS_S3_ENDPOINT_URL for a non-AWS server) puts
# every storage above but the static files on S3-compatible object storage,
# private, each under its alias: what several app servers and workers need.
# Keep this after the last STORAGES entry (see config/object_storage.py).
STORAGES = storages_on_s3(env, STORAGES)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 30)
# Every subdomain is served over HTTPS only and the domain may be preloaded;
# set these to False in the environment for a domain where that does not hold.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# --- Cache ----------------------------------------------------------------
# Sign-in and certificate lookup limits count in the cache, so it must be
# shared by every worker and server: per-process memory would let each
# worker count on its own. The database cache needs nothing extra (its table
# comes from `manage.py createcachetable`, which `make serve` runs); set
# CACHE_URL=redis://host:6379/0 to use Redis instead.
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://django_cache")}
# Sessions are read from that cache and written through to the database, so a
# signed-in visitor can land on any app server, and a cache restart signs no
# one out. A session holds ids and hashes, never what a learner wrote.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Logging --------------------------------------------------------------
# JSON lines to stderr, where the service manager collects them. Errors of
# `django.request` (every 500) carry method, path, status and the traceback;
# see config/jsonlog.py for what is left out.
LOG_LEVEL = env("LOG_LEVEL", default="INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.jsonlog.JsonFormatter"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "json",
        },
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    # Replaces Django's default handlers (console only under DEBUG, mail_admins).
    "loggers": {"django": {"handlers": ["stderr"], "level": LOG_LEVEL, "propagate": False}},
}
