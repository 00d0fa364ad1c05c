"""One app server and one worker killed mid-run: nothing acknowledged is lost, the work completes.

Marked `kills_servers`: tests/cluster/conftest.py runs these after every other
cluster test, since they leave one app server and one worker dead.
"""

import threading

import pytest
import requests
from django.urls import reverse

from tests.cluster.conftest import kill_group, wait_until
from tests.cluster.helpers import certified_course, complete, reflection_draft

pytestmark = [pytest.mark.cluster, pytest.mark.kills_servers, pytest.mark.usefixtures("live_db")]

SAVES = 40
KILL_AFTER = 10
LEARNERS = 6


def _autosave(visitor, url: str, text: str, base: int) -> int:
    """Save like the editor does: a failed or refused request is sent again, unchanged."""
    for _attempt in range(20):
        try:
            response = visitor.go(
                "POST", url, data={"text": text, "base_revision": base, "client_id": "tab-one"}
            )
        except requests.ConnectionError:
            continue
        if response.status_code == 200:
            return response.json()["revision"]
        assert response.status_code in (502, 503, 504), response.text[:500]
    raise AssertionError("an autosave was never acknowledged")


def test_autosaves_survive_an_app_server_killed_mid_run(cluster, visitor):
    from training.assessments.models import SubmissionVersion

    user, password, submission = reflection_draft()
    assert visitor.sign_in(user.email, password).status_code == 302
    url = reverse("reflections:autosave", args=[submission.public_id])
    acknowledged = threading.Event()
    killer = threading.Thread(
        target=lambda: acknowledged.wait(120) and kill_group(cluster, "app1"), daemon=True
    )
    killer.start()

    saved = []  # (revision, text) of every acknowledged save, in order
    revision = 0
    for number in range(1, SAVES + 1):
        text = f"Versie {number}: ik luister, vat samen en vraag door."
        revision = _autosave(visitor, url, text, revision)
        saved.append((revision, text))
        if number == KILL_AFTER:
            acknowledged.set()  # the other thread kills app server 1 while we go on
    killer.join(timeout=30)

    assert [r for r, _ in saved] == list(range(1, SAVES + 1))
    version = SubmissionVersion.objects.get(submission=submission)
    assert (version.revision, version.text) == saved[-1]
    # The history keeps the latest revisions, each with the text that was acknowledged.
    history = dict(version.draft_revisions.values_list("revision", "text"))
    assert all(history[r] == text for r, text in saved if r in history)
    assert max(history) == SAVES
    # The site is still served, by the app server that is left.
    assert visitor.on(cluster["site"]).go("GET", "/").status_code == 200
    # nginx answers for the dead one with the maintenance page (503, Retry-After), JSON for scripts.
    page = requests.get(cluster["app1"] + "/", verify=visitor.verify, timeout=10)
    assert page.status_code == 503
    assert page.headers["Retry-After"] == "5"
    assert "We werken aan de site" in page.text
    answer = requests.post(
        cluster["app1"] + url,
        data={"text": "x"},
        headers={"Accept": "application/json"},
        verify=visitor.verify,
        timeout=10,
    )
    assert answer.status_code == 503
    assert answer.json()["maintenance"] is True


def test_certificates_are_all_issued_when_a_worker_is_killed_mid_task(cluster):
    from django_tasks_db.models import DBTaskResult

    from training.certificates.models import Certificate

    people = certified_course(learners=LEARNERS)
    for _user, _password, enrolment in people:
        complete(enrolment)  # each enqueues its certificate task, acknowledged by the database
    learners = [user for user, _password, _enrolment in people]

    running = wait_until(
        lambda: DBTaskResult.objects.filter(status="RUNNING").exclude(worker_ids=[]).first(),
        seconds=90,
        what="a worker to start a certificate task",
    )
    victim = running.worker_ids[-1]
    kill_group(cluster, victim.replace("-", ""))

    ready = wait_until(
        lambda: (
            Certificate.objects.filter(learner__in=learners).exclude(pdf_sha256="").count()
            == LEARNERS
        ),
        seconds=180,
        what="the other worker to finish every certificate",
    )
    assert ready
    for certificate in Certificate.objects.filter(learner__in=learners):
        with certificate.pdf.open("rb") as handle:
            assert handle.read(4) == b"%PDF"
    assert Certificate.objects.filter(learner__in=learners).count() == LEARNERS
