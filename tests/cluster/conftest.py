"""Smoke tests against the local cluster that `make cluster-test` starts
(scripts/cluster.sh): every request goes through nginx over TLS to the two
gunicorn app servers; data is set up in this process, in the cluster's own
PostgreSQL, with the production settings the servers run on.

Run only through `make cluster-test` (the `cluster` marker is left out of the
default run): without the cluster's environment these tests fail, on purpose.
"""

import os
import re
import signal
import time
import uuid
from pathlib import Path

import pytest
import requests


def pytest_collection_modifyitems(config, items):
    """Tests that kill servers (marker `kills_servers`) run after every other cluster
    test, whatever order the files are named in: the others need the whole cluster."""
    items.sort(key=lambda item: item.get_closest_marker("kills_servers") is not None)


@pytest.fixture(scope="session")
def cluster():
    missing = [
        name
        for name in ("CLUSTER_URL", "CLUSTER_APP1_URL", "CLUSTER_APP2_URL", "CLUSTER_DIR")
        if name not in os.environ
    ]
    assert not missing, f"run these through `make cluster-test` (missing {missing})"
    return {
        "site": os.environ["CLUSTER_URL"],
        "app1": os.environ["CLUSTER_APP1_URL"],
        "app2": os.environ["CLUSTER_APP2_URL"],
        "dir": Path(os.environ["CLUSTER_DIR"]),
    }


@pytest.fixture(scope="session")
def live_db(django_db_blocker):
    """The cluster's database itself (no test database): the servers must see what we write."""
    with django_db_blocker.unblock():
        yield


class Visitor(requests.Session):
    """One browser: a cookie jar that goes to whichever app server it is pointed at."""

    def __init__(self, base: str):
        super().__init__()
        self.base = base
        self.verify = os.environ["CLUSTER_CA"]
        # English, as chosen with the language switch (the browser's Accept-Language is ignored).
        self.cookies.set("django_language", "en")

    def on(self, base: str) -> "Visitor":
        self.base = base
        return self

    def go(self, method: str, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 60)
        # Per request: requests lets REQUESTS_CA_BUNDLE in the environment win over Session.verify.
        kwargs.setdefault("verify", self.verify)
        headers = kwargs.pop("headers", {})
        if method != "GET":  # Django checks the Referer of HTTPS posts (the public name)
            headers = {
                "Referer": os.environ["CLUSTER_URL"] + "/",
                "X-CSRFToken": self.csrf(),
                **headers,
            }
        return self.request(method, self.base + path, headers=headers, **kwargs)

    def csrf(self) -> str:
        if "csrftoken" not in self.cookies:
            self.go("GET", "/account/login/")
        return self.cookies["csrftoken"]

    def sign_in(self, email: str, password: str) -> requests.Response:
        return self.go(
            "POST",
            "/account/login/",
            data={"login": email, "password": password, "csrfmiddlewaretoken": self.csrf()},
        )


@pytest.fixture
def visitor(cluster):
    with Visitor(cluster["site"]) as visitor:
        yield visitor


def learner(**kwargs):
    """A learner with a verified address (allauth signs in verified addresses only)."""
    from allauth.account.models import EmailAddress

    from tests.factories import PASSWORD, UserFactory

    user = UserFactory(email=f"cluster-{uuid.uuid4().hex[:12]}@example.org", **kwargs)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user, PASSWORD


def wait_until(condition, *, seconds: float, what: str):
    """Poll `condition` until it returns something truthy (not a timed assertion: the
    limit only ends a test that would otherwise hang; success is the condition)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"gave up waiting for {what}")


def kill_group(cluster, name: str) -> None:
    """SIGKILL a server and its children (scripts/cluster.sh starts each in its own group)."""
    pid = int((cluster["dir"] / f"{name}.pid").read_text())
    os.killpg(pid, signal.SIGKILL)


def signed_in(response: requests.Response) -> bool:
    return response.status_code == 200 and re.search(r"/account/logout/", response.text) is not None
