"""The one answer to a busy database (training/http.py), outside any one view."""

import logging

import pytest
from django.db import DatabaseError, OperationalError
from django.test import RequestFactory

from training.http import DatabaseBusyMiddleware, database_is_locked, typed_texts

middleware = DatabaseBusyMiddleware(lambda request: None)


def test_only_operational_errors_are_answered():
    request = RequestFactory().post("/x/", {"text": "Mijn tekst."})
    assert middleware.process_exception(request, DatabaseError("other")) is None
    assert middleware.process_exception(request, ValueError("x")) is None


def test_a_script_gets_json_and_a_form_gets_the_page_with_its_text():
    factory = RequestFactory()
    script = factory.post("/x/", "{}", content_type="application/json")
    response = middleware.process_exception(script, OperationalError("database is locked"))
    assert response.status_code == 503 and response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "5"

    form = factory.post("/x/", {"text": "Ik voelde me gehoord.", "csrfmiddlewaretoken": "abc"})
    response = middleware.process_exception(form, OperationalError("database is locked"))
    body = response.content.decode()
    assert response.status_code == 503 and "no-store" in response["Cache-Control"]
    assert "Ik voelde me gehoord." in body and "abc" not in body


def test_only_peoples_words_are_shown_back():
    request = RequestFactory().post(
        "/x/",
        {
            "password": "Geheim wachtwoord 1",
            "base_revision": "3",
            "client_id": "6f1c2b9e-7c1a-4f57-9a53-3f7f3c1f0a11",
            "slots": ["2-evening"],
            "summary": "Je voelt je moe.",
        },
    )
    assert typed_texts(request) == ["Je voelt je moe."]


@pytest.mark.parametrize(
    "message,locked",
    [
        ("database is locked", True),
        ("canceling statement due to lock timeout", True),
        ("deadlock detected", True),
        ("could not connect to server", False),
    ],
)
def test_locks_are_told_from_a_lost_database(message, locked, caplog):
    assert database_is_locked(OperationalError(message)) is locked
    request = RequestFactory().post("/x/", {"text": "Mijn eigen verhaal."})
    with caplog.at_level(logging.WARNING, logger="training.http"):
        middleware.process_exception(request, OperationalError(message))
    [record] = caplog.records
    assert record.levelno == (logging.WARNING if locked else logging.ERROR)
    assert "Mijn eigen verhaal" not in record.getMessage()  # never the text
