"""A rolling deploy on the cluster (scripts/rolling-deploy.sh) while learners type.

Every autosave sent through nginx during the deploy is acknowledged (sent
again after a 502/503, as the editor does) and the last one is what the
database holds; a save that an app server was in the middle of when it got
SIGTERM is answered, not cut off (gunicorn's graceful timeout); afterwards
every server runs again under a new pid. Leaves the whole cluster up.
"""

import http.client
import os
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
import requests
from django.urls import reverse

from tests.cluster.conftest import Visitor, wait_until
from tests.cluster.helpers import reflection_draft

pytestmark = [pytest.mark.cluster, pytest.mark.usefixtures("live_db")]

ROOT = Path(__file__).resolve().parents[2]
SERVERS = ("app1", "app2", "worker1", "worker2")


def _pids(cluster) -> dict[str, int]:
    return {name: int((cluster["dir"] / f"{name}.pid").read_text()) for name in SERVERS}


def _signed_in(cluster) -> tuple[Visitor, object]:
    user, password, submission = reflection_draft()
    visitor = Visitor(cluster["site"])
    assert visitor.sign_in(user.email, password).status_code == 302
    return visitor, submission


def _held_autosave(visitor: Visitor, url: str, text: str):
    """An autosave sent straight to app server 1, headers and half its body only:
    the request is running in a gunicorn worker, waiting for the rest."""
    body = urlencode(
        {
            "text": text,
            "base_revision": "0",
            "client_id": "held-tab",
            "csrfmiddlewaretoken": visitor.csrf(),
        }
    ).encode()
    backend = urlsplit(os.environ["CLUSTER_APP1_BACKEND"])
    connection = http.client.HTTPConnection(backend.hostname, backend.port, timeout=120)
    connection.putrequest("POST", url, skip_host=True, skip_accept_encoding=True)
    site = urlsplit(os.environ["CLUSTER_URL"])
    headers = {
        "Host": site.netloc,
        "X-Forwarded-Proto": "https",
        "X-Forwarded-For": "127.0.0.1",
        "Referer": os.environ["CLUSTER_URL"] + "/",
        "X-CSRFToken": visitor.csrf(),
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": str(len(body)),
        "Cookie": "; ".join(f"{c.name}={c.value}" for c in visitor.cookies),
    }
    for name, value in headers.items():
        connection.putheader(name, value)
    connection.endheaders()
    half = len(body) // 2
    connection.send(body[:half])
    return connection, body[half:]


def _autosave(visitor: Visitor, url: str, text: str, base: int, retries: list) -> int:
    """Save like the editor does: a failed or refused request is sent again, unchanged."""
    for _attempt in range(200):
        try:
            response = visitor.go(
                "POST", url, data={"text": text, "base_revision": base, "client_id": "tab"}
            )
        except requests.ConnectionError:
            retries.append("connection")
            time.sleep(0.2)
            continue
        if response.status_code == 200:
            return response.json()["revision"]
        assert response.status_code in (502, 503, 504), response.text[:500]
        retries.append(response.status_code)
        time.sleep(0.5)
    raise AssertionError("an autosave was never acknowledged")


def test_autosaves_during_a_rolling_deploy_are_all_acknowledged(cluster):
    from training.assessments.models import SubmissionVersion

    before = _pids(cluster)
    typist, draft = _signed_in(cluster)
    holder, held_draft = _signed_in(cluster)
    held_text = "Deze zin was onderweg toen de server moest stoppen."
    held_url = reverse("reflections:autosave", args=[held_draft.public_id])
    log = cluster["dir"] / "app1.log"
    log_start = log.stat().st_size
    connection, rest = _held_autosave(holder, held_url, held_text)

    deploy = subprocess.Popen(
        [str(ROOT / "scripts" / "rolling-deploy.sh")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = []
    reader = threading.Thread(target=lambda: output.extend(deploy.stdout), daemon=True)
    reader.start()

    # The held save: app server 1 got SIGTERM while running it; it still answers it.
    def term_seen():
        with log.open("rb") as file:
            file.seek(log_start)
            return b"Handling signal: term" in file.read()

    wait_until(term_seen, seconds=300, what="app server 1 to get SIGTERM")
    time.sleep(1)  # the worker has the signal too
    connection.send(rest)
    answer = connection.getresponse()
    assert answer.status == 200, answer.read()[:500]
    answer.read()
    connection.close()

    # Autosaves through nginx for as long as the deploy runs.
    url = reverse("reflections:autosave", args=[draft.public_id])
    saved, retries, revision, number = [], [], 0, 0
    while deploy.poll() is None or number < 3:
        number += 1
        text = f"Versie {number}: ik luister, vat samen en vraag door."
        revision = _autosave(typist, url, text, revision, retries)
        saved.append((revision, text))
        time.sleep(0.2)
    reader.join(timeout=30)
    assert deploy.returncode == 0, "".join(output)
    assert "deployed" in output[-1]

    assert [r for r, _ in saved] == list(range(1, len(saved) + 1))
    version = SubmissionVersion.objects.get(submission=draft)
    assert (version.revision, version.text) == saved[-1]
    assert SubmissionVersion.objects.get(submission=held_draft).text == held_text

    after = _pids(cluster)
    assert all(after[name] != before[name] for name in SERVERS), (before, after)
    # Each is the leader of its own process group again, as scripts/cluster.sh started it
    # (the tests that kill servers kill the whole group).
    assert all(os.getpgid(pid) == pid for pid in after.values()), after
    for backend in (os.environ["CLUSTER_APP1_BACKEND"], os.environ["CLUSTER_APP2_BACKEND"]):
        wait_until(
            lambda b=backend: requests.get(f"{b}/readyz", timeout=10).status_code == 200,
            seconds=60,
            what=f"{backend} ready after the deploy",
        )
    assert typist.go("GET", "/").status_code == 200
    print(f"{len(saved)} autosaves during the deploy, sent again: {retries}")
