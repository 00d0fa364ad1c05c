"""The learner's copy of their data: complete, by pseudonym, private, time-limited."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from training.privacy import services
from training.privacy.models import DataExport

from .conftest import (
    CONCERN_BY_LOTTE,
    EMAIL,
    FEEDBACK_ABOUT_LOTTE,
    FEEDBACK_TO_PEER,
    NAME,
    PEER_NAME,
    PEER_PSEUDONYM,
    RECOGNITION,
    REFLECTION,
    THANKS,
)


def download(client, export, kind):
    response = client.get(reverse("privacy:export_download", args=[export.public_id, kind]))
    return response, b"".join(response.streaming_content) if response.status_code == 200 else b""


@pytest.fixture
def ready_export(world, client):
    client.force_login(world.learner)
    response = client.post(reverse("privacy:export_request"))
    assert response.status_code == 302
    return DataExport.objects.get(user=world.learner)


def test_the_json_holds_everything_the_issue_lists(world, client, ready_export):
    assert ready_export.status == DataExport.Status.READY
    response, content = download(client, ready_export, "json")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(content)
    assert data["profile"]["email"] == EMAIL
    assert data["profile"]["email_addresses"][0]["verified"] is True
    assert [e["cohort"] for e in data["enrolments"]] == [world.enrolment.cohort.name]
    assert data["enrolments"][0]["lessons_completed"]
    reflection = data["reflections"][0]
    assert reflection["versions"][0]["text"] == REFLECTION
    assert reflection["versions"][0]["draft_revisions"] == []
    received = reflection["feedback_received"][0]
    assert received["summary"] == FEEDBACK_ABOUT_LOTTE
    assert received["fellow_learner"] == PEER_PSEUDONYM
    assert received["rating"]["thanks"] == THANKS
    assert reflection["read_by"][0]["role"] == "trainer"
    given = data["feedback_given"][0]
    assert given["summary"] == FEEDBACK_TO_PEER and given["recognition"] == RECOGNITION
    assert given["fellow_learner"] == PEER_PSEUDONYM
    assert data["concerns_raised"][0]["reason"] == CONCERN_BY_LOTTE
    assert data["certificates"][0]["code"] == world.certificate.display_code
    assert data["associations"]


def test_other_learners_appear_only_by_pseudonym(world, client, ready_export):
    _response, content = download(client, ready_export, "json")
    _response, html = download(client, ready_export, "html")
    for text in (content.decode(), html.decode()):
        assert PEER_NAME not in text
        assert world.peer.email not in text
        assert world.trainer.email not in text


def test_the_readable_html_shows_the_reflection(world, client, ready_export):
    response, html = download(client, ready_export, "html")
    assert response["Content-Type"].startswith("text/html")
    assert REFLECTION in html.decode()
    assert NAME in html.decode()


def test_only_the_learner_can_download_it(world, client, ready_export):
    client.force_login(world.peer)
    for kind in ("json", "html"):
        response, _content = download(client, ready_export, kind)
        assert response.status_code == 404
    client.logout()
    response, _content = download(client, ready_export, "json")
    assert response.status_code == 302


def test_a_wrong_kind_is_a_404(world, client, ready_export):
    response, _content = download(client, ready_export, "exe")
    assert response.status_code == 404


def test_it_expires(world, client, ready_export, settings):
    later = timezone.now() + datetime.timedelta(days=settings.PRIVACY_EXPORT_DAYS, minutes=1)
    DataExport.objects.filter(pk=ready_export.pk).update(expires_at=timezone.now())
    response, _content = download(client, ready_export, "json")
    assert response.status_code == 404
    assert services.data_exports_purge(now=later) == 1
    assert not DataExport.objects.exists()


def test_one_pending_export_at_a_time(db):
    user = UserFactory()
    pending = DataExport.objects.create(user=user)
    assert services.data_export_request(user=user) == pending
    assert DataExport.objects.filter(user=user).count() == 1


def test_a_new_copy_replaces_the_old_one(world, client, ready_export):
    client.post(reverse("privacy:export_request"))
    exports = DataExport.objects.filter(user=world.learner)
    assert exports.count() == 1 and exports.get().pk != ready_export.pk


def test_a_failed_build_is_marked_failed_and_can_be_retried(db, client, monkeypatch):
    user = UserFactory()

    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services, "learner_data", broken)
    client.force_login(user)
    client.post(reverse("privacy:export_request"))
    assert DataExport.objects.get(user=user).status == DataExport.Status.FAILED
    page = client.get(reverse("privacy:overview")).content.decode()
    assert "Het maken van je kopie is niet gelukt" in page


def test_the_page_is_private(db, client):
    client.force_login(UserFactory())
    response = client.get(reverse("privacy:overview"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Mijn gegevens" in response.content.decode()
