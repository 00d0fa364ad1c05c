"""Maintenance mode on the cluster: one `manage.py maintenance on` (the file both app servers
share) and every page through nginx is the Dutch maintenance page, every script gets JSON,
/healthz stays alive and /readyz unready; `off` and the site serves again. Leaves it all up."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cluster.conftest import wait_until

pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parents[2]


def _maintenance(action: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", "maintenance", action, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout.strip()


def test_maintenance_mode_through_nginx_on_both_app_servers(cluster, visitor):
    try:
        assert _maintenance("on", "--retry-after", "20").startswith("Maintenance mode on")
        for base in (cluster["app1"], cluster["app2"], cluster["site"]):
            page = visitor.on(base).go("GET", "/")
            assert page.status_code == 503
            assert page.headers["Retry-After"] == "20"
            assert "We werken aan de site" in page.text
            answer = visitor.go("GET", "/api/v1/", headers={"Accept": "application/json"})
            assert answer.status_code == 503
            assert answer.json()["maintenance"] is True
            assert visitor.go("GET", "/healthz").status_code == 200
            ready = visitor.go("GET", "/readyz")
            assert ready.status_code == 503
            assert ready.json()["checks"]["maintenance"] == "fail: MaintenanceMode"
    finally:
        _maintenance("off")
    wait_until(
        lambda: visitor.on(cluster["site"]).go("GET", "/").status_code == 200,
        seconds=30,
        what="the site to serve again",
    )
    wait_until(
        lambda: "down" not in (cluster["dir"] / "nginx" / "site-upstream.conf").read_text(),
        seconds=30,
        what="both app servers back in the round robin",
    )
