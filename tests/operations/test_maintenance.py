"""Maintenance mode: one switch; pages a calm Dutch 503, scripts JSON 503, health still answers."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import EnrolmentFactory
from training.continuing.models import PracticeSession
from training.operations import maintenance
from training.operations.maintenance import maintenance_end, maintenance_start, maintenance_state

MOMENT = "Ik vatte eerst samen wat ik hoorde, en pas daarna gaf ik een tip."


@pytest.fixture(autouse=True)
def switch(settings, tmp_path):
    settings.MAINTENANCE_FILE = tmp_path / "run" / "maintenance"
    settings.MAINTENANCE_RETRY_AFTER = 30
    return settings.MAINTENANCE_FILE


def _command(*args, **options) -> str:
    from io import StringIO

    out = StringIO()
    call_command("maintenance", *args, stdout=out, **options)
    return out.getvalue().strip()


def test_the_switch_is_off_until_an_operator_turns_it_on(client, db):
    assert maintenance_state() is None
    assert _command("status") == "off"
    assert client.get(reverse("account_login")).status_code == 200


def test_on_and_off_through_the_command(client, db, switch):
    assert _command("on", "--retry-after", "45") == "Maintenance mode on (Retry-After: 45 s)."
    assert switch.exists()
    assert _command("status").startswith("on since ")
    response = client.get(reverse("account_login"))
    assert response.status_code == 503
    assert response["Retry-After"] == "45"

    assert _command("off") == "Maintenance mode off."
    assert _command("off") == "Maintenance mode was off."
    assert client.get(reverse("account_login")).status_code == 200


def test_a_page_is_a_calm_dutch_page_that_needs_no_database(client, db):
    maintenance_start()
    with CaptureQueriesContext(connections["default"]) as queries:
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "Content-Security-Policy" in response.headers
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "We werken aan de site" in page
    assert len(queries) == 0
    assert "Set-Cookie" not in response.headers


def test_a_posted_form_is_refused_and_shows_back_what_was_typed(client, db):
    facilitator = EnrolmentFactory().learner
    client.force_login(facilitator)
    maintenance_start()
    response = client.post(
        reverse("continuing:session_new"),
        {"group_kind": "Leven met reuma", "duration_minutes": "90", "listening_moment": MOMENT},
    )
    assert response.status_code == 503
    assert MOMENT in response.content.decode()
    assert not PracticeSession.objects.exists()


def test_an_autosave_gets_json_that_asks_to_retry_after_the_given_time(client, db):
    maintenance_start(retry_after=7)
    response = client.post(
        "/reflecties/00000000-0000-0000-0000-000000000000/opslaan/",
        {"autosave": "1", "text": MOMENT},
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "7"
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["maintenance"] is True
    assert body["retry"] is True
    assert "We werken aan de Lotgenoot Academie" in body["error"]
    assert MOMENT not in response.content.decode()


def test_the_api_gets_json_too(client, db):
    maintenance_start()
    response = client.get("/api/v1/")
    assert response.status_code == 503
    assert json.loads(response.content)["maintenance"] is True


def test_healthz_stays_alive_and_readyz_turns_unready(client, db):
    maintenance_start()
    alive = client.get("/healthz")
    assert alive.status_code == 200
    assert json.loads(alive.content) == {"status": "alive"}
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert json.loads(ready.content)["checks"]["maintenance"] == "fail: MaintenanceMode"

    maintenance_end()
    assert json.loads(client.get("/readyz").content)["checks"]["maintenance"] == "ok"


def test_a_damaged_switch_file_still_means_on(client, db, switch):
    switch.parent.mkdir(parents=True)
    switch.write_text("{half")
    assert maintenance_state().retry_after == 30
    assert client.get("/").status_code == 503


def test_retry_after_must_be_at_least_a_second(db):
    with pytest.raises(CommandError):
        _command("on", "--retry-after", "0")
    assert maintenance_state() is None


def test_export_writes_the_page_and_json_nginx_serves(tmp_path):
    folder = tmp_path / "nginx"
    assert _command("export", str(folder)) == str(folder)
    page = (folder / "maintenance.html").read_text()
    assert '<html lang="nl">' in page
    assert "We werken aan de site" in page
    assert "<link" not in page  # no stylesheet: nginx has no app server to fetch it from
    answer = json.loads((folder / "maintenance.json").read_text())
    assert answer == maintenance.maintenance_json()
    assert answer["maintenance"] is True
