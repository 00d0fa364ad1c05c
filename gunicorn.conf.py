"""Gunicorn settings, read by `gunicorn config.wsgi` when started from the project root.

`site/` is a source root (see README), so it goes on the path here: without it
gunicorn cannot import `config`. Everything that differs between machines
comes from the environment, like the Django settings.
"""

import os

pythonpath = "site"
wsgi_app = "config.wsgi"

# GUNICORN_BIND as host:port (or unix:/path); loopback by default, behind a reverse proxy.
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
# Two per core is gunicorn's advice; sign-in and lookup limits hold across them
# because production's cache is shared (database or Redis), not per process.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
# SIGTERM (a deploy, scripts/rolling-deploy.sh) stops taking new connections and
# lets every running request finish, for at most this long: a save in flight is
# answered, not cut off (tests/cluster/test_rolling_deploy.py).
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))

# Both logs to stderr, where the service manager collects them. The access
# line leaves out the query string, referrer and user agent: search terms
# and links can carry personal text.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'

# With PROMETHEUS_MULTIPROC_DIR set (an empty directory of its own), /metrics
# adds up the request counters of every worker (prometheus_client's multiprocess
# mode, see training/operations/metrics.py): the directory is emptied when the
# server starts and a finished worker's live gauges are dropped.
_metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR")


def on_starting(server):
    if _metrics_dir:
        os.makedirs(_metrics_dir, exist_ok=True)
        for name in os.listdir(_metrics_dir):
            if name.endswith(".db"):
                os.remove(os.path.join(_metrics_dir, name))


def child_exit(server, worker):
    if _metrics_dir:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
