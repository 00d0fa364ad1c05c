"""Local development: DEBUG on, console email, a fixed insecure key."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

# The autoreloader of `runserver` and of the worker waits for file events (watchfiles,
# inotify) instead of polling every file each second: an idle `make run` stays idle.
INSTALLED_APPS = [*INSTALLED_APPS, "django_watchfiles"]
