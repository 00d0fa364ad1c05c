"""Settings shared by every environment.

Everything that differs between machines is read from the environment
(django-environ); see `.env.example` for the list.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parents[3]
SITE_DIR = BASE_DIR / "site"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# A form refused for a stale token shows what was typed, to send again (home/csrf.py).
CSRF_FAILURE_VIEW = "home.csrf.csrf_failure"

INSTALLED_APPS = [
    "home",
    "training.accounts",
    "training.courses",
    "training.academies",
    "training.files",
    "training.learning",
    "training.assessments",
    "training.practice",
    "training.associations",
    "training.certificates",
    "training.continuing",
    "training.groups",
    "training.credentials",
    "training.privacy",
    "training.demo",
    "training.worker",
    "training.operations",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "training.accounts.apps.TrainingUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # serves the API docs' assets from this site, not a CDN
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # /healthz and /readyz, answered before anything else (training/operations/middleware.py).
    "training.operations.middleware.OperationsMiddleware",
    # Request rates and latencies per view for /metrics (django-prometheus; no queries).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Maintenance mode: a 503 for every page and script, after the static files
    # (the maintenance page needs its stylesheet) and the security headers.
    "training.operations.maintenance.MaintenanceMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The visitor's chosen language (cookie) or Dutch, never the browser's guess.
    "training.accounts.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "training.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "training.accounts.middleware.TwoStepRequiredMiddleware",
    # At most one content-generation read per request, and the request's Wagtail site
    # from memory (training/courses/routing.py).
    "training.courses.routing.ContentRequestMiddleware",
    # Anonymous public course pages from the cache (training/courses/page_cache.py):
    # below everything that decides who the visitor is and which language.
    "training.courses.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Runs before any view's CSRF check reads the body (see its docstring).
    "training.assessments.reflections.middleware.DraftBodyLimitMiddleware",
    # Innermost, so it is the first to see a view's exception: a database locked
    # past its busy timeout is a calm 503 with Retry-After, never a 500.
    "training.http.DatabaseBusyMiddleware",
    # Last: django-prometheus counts what the response finally was (503s included).
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.site_navigation",
                "home.context_processors.content_language",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite is the embedded default: one file in the project, in WAL mode, with
# IMMEDIATE transactions (writers take the lock up front instead of failing
# half-way with "database is locked") and a busy timeout. PostgreSQL is the
# production and scale-out path: set DATABASE_URL=postgres://...
(BASE_DIR / "var" / "static").mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
}
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
    "init_command": ("PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "training.accounts.validators.UserAttributeSimilarityValidator"},
    {
        "NAME": "training.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "training.accounts.validators.CommonPasswordValidator"},
    {"NAME": "training.accounts.validators.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# One sign-in page for everybody (allauth's, rate limited, verified email).
# Wagtail (admin and page view restrictions) goes through a small view that
# sends anonymous visitors there and signed-in ones without access onwards:
# allauth forwards signed-in people to `next`, which would loop back to Wagtail.
# config/urls.py redirects Wagtail's own /beheer/login/ form there as well.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "learning:dashboard"
LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "accounts:login_redirect"
WAGTAIL_FRONTEND_LOGIN_URL = "accounts:login_redirect"
# Email address and password are changed on the site's account pages (with
# verification and notifications), not in Wagtail's admin account settings.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False

# django-allauth 65: email + password only, no usernames, verified addresses.
ACCOUNT_ADAPTER = "training.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "training.accounts.forms.SignupForm"  # adds the display name
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_USER_MODEL_EMAIL_FIELD = "email"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True  # only in the browser session that signed up
ACCOUNT_CHANGE_EMAIL = True  # one address per account; a new one replaces it once verified
ACCOUNT_EMAIL_NOTIFICATIONS = True  # tell people when their password or email changes
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None  # the login form asks ("Remember me")
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Lotgenoot Academie] "
# The owner's way in while password attempts are throttled: a one-time code
# sent to the account's verified address (3 tries, valid for 3 minutes).
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_FORMS = {"request_login_code": "training.accounts.allauth_forms.RequestLoginCodeForm"}
# allauth's defaults, spelled out; keys not listed keep allauth's default.
# The cache backs these counters, so production needs a shared cache
# (not per-process memory) for the limits to hold across workers.
# "login_failed" per key counts wrong passwords per account *and client*
# (AccountAdapter._get_login_attempts_cache_key), so nobody can lock a learner
# out from elsewhere; a throttled attempt gets 429 (templates/429.html).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "request_login_code": "20/m/ip,3/m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/180s/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
# Two-step sign-in (allauth.mfa): an authenticator app (TOTP) with recovery
# codes. Optional for learners (Profile > Two-step sign-in); required for
# everybody who can open the Wagtail admin or an association's pages, which
# TwoStepRequiredMiddleware enforces (training/accounts/permissions.py).
MFA_ADAPTER = "training.accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Lotgenoot Academie"
# Accept the code before and after the current one (30 s each way), as RFC 6238
# advises: phone clocks drift, and people type slowly.
MFA_TOTP_TOLERANCE = 1
MFA_TRUST_ENABLED = False  # every sign-in asks for the code: trainers see health data

# Behind a reverse proxy, the number of proxies that append to
# X-Forwarded-For; without it every visitor shares the proxy's IP limits.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# --- Internationalisation: Dutch first, English available -----------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static and media -----------------------------------------------------
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"
# Files only a view that checks who asks hands out: certificates (the holder,
# their trainers, admins; training/certificates/storage.py) and learners' data
# exports (the learner). Outside MEDIA_ROOT, which the web server serves.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")
CERTIFICATE_STORAGE = {
    "BACKEND": "training.certificates.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT)},
}
PRIVATE_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": Path(PRIVATE_MEDIA_ROOT) / "exports", "base_url": None},
}
# Images and documents (Wagtail's, the `default` storage) are private too: under
# PRIVATE_MEDIA_ROOT/media, and their URLs lead to the view that asks who may see them
# (training/files). Nothing is served from MEDIA_ROOT any more; `manage.py media_private`
# (run by a migration) moves what an older version left there.
MEDIA_STORAGE = {
    "BACKEND": "training.files.storage.MediaStorage",
    "OPTIONS": {"location": str(Path(PRIVATE_MEDIA_ROOT) / "media")},
}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": PRIVATE_STORAGE,
    "certificates": CERTIFICATE_STORAGE,
}
# Who sends a protected file once a view has allowed it: "" Django streams it;
# "nginx" answers with X-Accel-Redirect to PROTECTED_FILES_INTERNAL_URL + name
# (an `internal` location aliasing PRIVATE_MEDIA_ROOT); "sendfile" answers with
# X-Sendfile and the file's path (Apache mod_xsendfile, lighttpd, Caddy plugins).
PROTECTED_FILES_SERVER = env.str("PROTECTED_FILES_SERVER", default="")
PROTECTED_FILES_INTERNAL_URL = env.str("PROTECTED_FILES_INTERNAL_URL", default="/protected/")
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Email ----------------------------------------------------------------
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Lotgenoot Academie <noreply@example.org>")

# --- Wagtail --------------------------------------------------------------
WAGTAIL_SITE_NAME = "Lotgenoot Academie"
WAGTAILADMIN_BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Every document link is Wagtail's serve view, which checks who asks (training/files):
# never the file's own address, also on S3.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "mp3", "ogg", "m4a", "mp4", "webm", "vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_USER_CUSTOM_FIELDS = ["display_name", "pseudonym"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars are initials, never images from another host (gravatar.com).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Background tasks and certificates ------------------------------------
# Tasks are stored in the database and run by `manage.py run_worker` (started
# by `make run` next to the web server); the test settings run them at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Each worker writes a heartbeat this often; a running task whose worker has
# been silent for WORKER_STALE_AFTER_SECONDS is taken over (see training.worker).
WORKER_HEARTBEAT_SECONDS = env.float("WORKER_HEARTBEAT_SECONDS", default=5)
WORKER_STALE_AFTER_SECONDS = env.float("WORKER_STALE_AFTER_SECONDS", default=30)
# Where `manage.py backup` writes (one directory per backup; keep it off the web root).
BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "var" / "backups")
# /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; without a token,
# only a client on the loopback address that did not come through a proxy.
METRICS_TOKEN = env("METRICS_TOKEN", default="")
# Maintenance mode (training/operations/maintenance.py): while this file exists,
# pages answer a Dutch 503 page and scripts JSON 503, both with Retry-After; /healthz
# stays alive and /readyz unready. `manage.py maintenance on|off` writes and removes
# it; with app servers on several machines, put it on a path they share.
MAINTENANCE_FILE = env.path("MAINTENANCE_FILE", default=BASE_DIR / "var" / "maintenance")
# Seconds an answer during maintenance asks to wait (`maintenance on --retry-after` wins).
MAINTENANCE_RETRY_AFTER = env.int("MAINTENANCE_RETRY_AFTER", default=30)
# /readyz keeps a passing "no unapplied migrations" answer this long per process.
READINESS_MIGRATIONS_CACHE_SECONDS = env.float("READINESS_MIGRATIONS_CACHE_SECONDS", default=30)
WORKER_SWEEP_SECONDS = env.float("WORKER_SWEEP_SECONDS", default=60)
# Tasks that are safe to run twice, so an interrupted run is simply run again.
WORKER_RETRY_INTERRUPTED_TASKS = [
    "training.certificates.tasks.certificate_issue_task",
    "training.practice.tasks.meeting_invitations_task",
]
WORKER_INTERRUPTED_MAX_RETRIES = 3
# What every sweep repairs besides interrupted tasks (functions taking `now=`).
WORKER_SWEEPS = [
    "training.certificates.services.certificates_resume",
    "training.worker.schedule.periodic_jobs_enqueue",
]
# Every periodic job, in one place: the workers enqueue each when it is due
# (training/worker/schedule.py). Each task takes no arguments and is safe to
# run again: its own unique records keep it from sending anything twice.
DAY = 86400
# Finished task results kept this long (the admin's task history), then pruned.
TASK_RESULTS_KEEP_DAYS = env.int("TASK_RESULTS_KEEP_DAYS", default=30)
PERIODIC_JOBS = {
    "certificate_reminders": {
        "task": "training.certificates.tasks.certificate_reminders_task",
        "every": DAY,
    },
    "certificates_evaluate": {
        "task": "training.certificates.tasks.certificates_evaluate_task",
        "every": DAY,
    },
    "association_digests": {
        "task": "training.associations.tasks.association_digests_task",
        "every": DAY,
    },
    "privacy_retention": {"task": "training.privacy.tasks.privacy_retention_task", "every": DAY},
    "deadline_reminders": {
        "task": "training.assessments.tasks.deadline_reminders_task",
        "every": DAY,
    },
    # The safety net for scheduled announcements (each goes out once, see
    # training/learning/announcements.py); every five minutes.
    "announcements_send": {
        "task": "training.learning.tasks.announcements_send_due_task",
        "every": 300,
    },
    # Every enrolment's count of completed lessons to its true value (the
    # counter's safety net; receivers recount a course when its outline changes).
    "lessons_done_recount": {
        "task": "training.learning.tasks.enrolments_recount_all_task",
        "every": DAY,
    },
    "task_results_prune": {"task": "training.worker.tasks.task_results_prune_task", "every": DAY},
    "renewals_evaluate": {
        "task": "training.continuing.tasks.renewals_evaluate_task",
        "every": DAY,
    },
    "wellbeing_nudges": {
        "task": "training.continuing.tasks.wellbeing_nudges_task",
        "every": DAY,
    },
    # Practice groups' meeting invitations and reminders (one hour before):
    # every five minutes; each email goes out once (training/practice/reminders.py).
    "practice_meeting_reminders": {
        "task": "training.practice.tasks.meeting_reminders_task",
        "every": 300,
    },
    # Learners still without a practice group at the activity's grouping moment:
    # one email each (training/practice/waiting.py); hourly.
    "practice_waiting_emails": {
        "task": "training.practice.tasks.waiting_emails_task",
        "every": 3600,
    },
}
# A certificate whose PDF could not be stored is retried after this many
# seconds, doubling each time, until it has failed this many times.
CERTIFICATE_PDF_RETRY_SECONDS = env.float("CERTIFICATE_PDF_RETRY_SECONDS", default=60)
CERTIFICATE_PDF_MAX_ATTEMPTS = env.int("CERTIFICATE_PDF_MAX_ATTEMPTS", default=8)
# Days before expiry on which a holder is reminded to renew (one email each).
CERTIFICATE_REMINDER_DAYS = env.list("CERTIFICATE_REMINDER_DAYS", cast=int, default=[90, 30])
# Days before a reflection or feedback deadline on which learners who still
# owe it are reminded (one email each).
DEADLINE_REMINDER_DAYS = env.list("DEADLINE_REMINDER_DAYS", cast=int, default=[3, 1])
# Public certificate lookups (page and API) allowed per client and minute.
CERTIFICATE_VERIFY_RATE_LIMIT = env.int("CERTIFICATE_VERIFY_RATE_LIMIT", default=30)

# --- Groups: participants' anonymous feedback (training/groups) -------------
# Nothing but the count is shown for a moment (or a quarter) with fewer answers
# than this; never below 3, whatever is set (training/groups/selectors.py).
GROUP_FEEDBACK_MIN_ANSWERS = env.int("GROUP_FEEDBACK_MIN_ANSWERS", default=5)
# Answers accepted per feedback moment and minute (all phones together).
GROUP_FEEDBACK_RATE_LIMIT = env.int("GROUP_FEEDBACK_RATE_LIMIT", default=30)
# Open answers are removed after this many days; the figures stay.
GROUP_FEEDBACK_OPEN_ANSWER_RETENTION_DAYS = env.int(
    "GROUP_FEEDBACK_OPEN_ANSWER_RETENTION_DAYS", default=365
)

# --- Reflections: drafts ---------------------------------------------------
# The longest draft a learner can save (characters); the editor states it.
REFLECTION_DRAFT_MAX_CHARS = env.int("REFLECTION_DRAFT_MAX_CHARS", default=100_000)
# Saved draft revisions kept per version, so an overwritten text can be restored.
REFLECTION_DRAFT_HISTORY = env.int("REFLECTION_DRAFT_HISTORY", default=20)
# Seconds a save is asked to wait when the database stays locked past its busy
# timeout (503 Retry-After, on every path: training/http.py DatabaseBusyMiddleware).
DATABASE_BUSY_RETRY_AFTER = env.int("DATABASE_BUSY_RETRY_AFTER", default=5)

# --- Learners' rights (GDPR) -----------------------------------------------
# Days a finished data export ("Mijn gegevens") can be downloaded.
PRIVACY_EXPORT_DAYS = env.int("PRIVACY_EXPORT_DAYS", default=7)
# Months after a cohort ends (or a learner left) after which reflections and
# drafts are deleted by `manage.py privacy_retention`.
PRIVACY_RETENTION_MONTHS = env.int("PRIVACY_RETENTION_MONTHS", default=24)

# --- Security defaults that hold everywhere -------------------------------
# Content-Security-Policy (django-csp; config/csp.py adds the admin's one
# exception): only this site's own files run, nothing frames the site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "frame-src": [SELF],
        "worker-src": [SELF],
        "manifest-src": [SELF],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Nothing of this site is framed; Wagtail's preview panel sets SAMEORIGIN for itself.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
