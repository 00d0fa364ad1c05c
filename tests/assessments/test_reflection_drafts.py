"""Never lose a word: every way a draft save can go wrong, and what the learner is told.

A save never makes a draft shorter by accident: missing or invalid text is
refused with a clear (Dutch) message and nothing changes; a save from a stale
revision is refused with both texts; every saved revision stays recoverable.
"""

import json
from types import SimpleNamespace
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import UserFactory, reflection_cohort, submitted_reflection
from training.assessments.models import DraftRevision, SubmissionVersion
from training.assessments.reflections import errors, services

pytestmark = pytest.mark.django_db

TEXT = "Ik zat voor het eerst in de groep en voelde me gehoord."
NEWER = "Ik zat voor het eerst in de groep. Later schreef ik hier veel meer over."
HUGE = "99999999999999999999"


def nl(message):
    with translation.override("nl"):
        return gettext(message)


@pytest.fixture
def group():
    assignment, (author, other) = reflection_cohort(learners=2)
    draft = services.submission_get_or_create(enrolment=author, assignment=assignment)
    services.draft_save(submission=draft, text=TEXT, base_revision=0, client_id="tab-a")
    return SimpleNamespace(assignment=assignment, author=author, other=other, draft=draft)


def _url(group, name="autosave"):
    return reverse(f"reflections:{name}", args=[group.draft.public_id])


def _json(client, url, body, content_type="application/json"):
    return client.post(
        url,
        body if isinstance(body, (bytes, str)) else json.dumps(body),
        content_type=content_type,
        headers={"Accept": "application/json"},
    )


def _draft(group) -> SubmissionVersion:
    return group.draft.latest_version()


def _unchanged(group):
    version = _draft(group)
    return version.text == TEXT and version.revision == 1


def _dutch_json_error(response, status, message=None):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["error"] and data["error"] != "Bad Request (400)"
    if message is not None:
        assert data["error"] == nl(message)
    return data


# --- Missing text never empties the draft -----------------------------------


@pytest.mark.parametrize(
    "body,content_type",
    [
        ("{}", "application/json"),
        ('{"base_revision": 1}', "application/json"),
        ("base_revision=1&autosave=1", "application/x-www-form-urlencoded"),
        ("text=Hallo&base_revision=1", "text/plain"),
    ],
    ids=["empty-object", "text-omitted", "form-without-text", "wrong-content-type"],
)
def test_an_autosave_without_text_is_refused_and_changes_nothing(client, group, body, content_type):
    client.force_login(group.author.learner)

    response = _json(client, _url(group), body, content_type=content_type)

    _dutch_json_error(response, 400, errors.DraftTextMissing.message)
    assert _unchanged(group)


@pytest.mark.parametrize(
    "data",
    [
        {"action": "save", "base_revision": 1},
        {"action": "save", "base_revision": 1, "text": "a\0b"},
    ],
    ids=["text-missing", "nul-character"],
)
def test_the_form_save_without_valid_text_shows_the_page_and_changes_nothing(client, group, data):
    client.force_login(group.author.learner)

    response = client.post(_url(group, "submit"), data)

    html = response.content.decode()
    assert response.status_code == 400
    assert "error-summary" in html and "Concept opgeslagen" not in html
    assert _unchanged(group)


def test_a_refused_submit_with_invalid_text_changes_nothing(client, group):
    client.force_login(group.author.learner)

    response = client.post(
        _url(group, "submit"),
        {"action": "submit", "audience": "peers", "base_revision": 1, "text": TEXT + "\0"},
    )

    assert response.status_code == 400
    assert nl(errors.InvalidCharacters.message) in response.content.decode()
    assert _unchanged(group) and not _draft(group).is_locked


def test_a_refused_submit_without_text_changes_nothing(client, group):
    client.force_login(group.author.learner)

    response = client.post(
        _url(group, "submit"), {"action": "submit", "audience": "peers", "base_revision": 1}
    )

    assert response.status_code == 400
    assert _unchanged(group) and not _draft(group).is_locked


# --- Two tabs: a stale save is refused with both texts -----------------------


def test_an_autosave_from_a_stale_revision_is_refused_with_the_saved_text(client, group):
    services.draft_save(submission=group.draft, text=NEWER, base_revision=1, client_id="tab-b")
    client.force_login(group.author.learner)

    response = _json(
        client, _url(group), {"text": "Mijn oude tab", "base_revision": 1, "client_id": "tab-a"}
    )

    data = _dutch_json_error(response, 409, errors.DraftConflict.message)
    assert data["conflict"] is True
    assert data["server_text"] == NEWER and data["server_revision"] == 2
    assert data["saved_at"]
    assert _draft(group).text == NEWER and _draft(group).revision == 2


@pytest.mark.parametrize("base", [None, "", "een", HUGE, -1, 1.5, True, [1]])
def test_base_revision_is_required_and_validated(client, group, base):
    client.force_login(group.author.learner)
    body = {"text": "Iets heel anders"}
    if base is not None:
        body["base_revision"] = base

    response = _json(client, _url(group), body)

    assert response.status_code == 400
    assert response.json()["error"]
    assert _unchanged(group)


def test_a_beacon_post_without_base_revision_does_not_overwrite(client, group):
    client.force_login(group.author.learner)

    response = client.post(_url(group), {"autosave": "1", "text": "Iets heel anders"})

    assert response.status_code == 400 and _unchanged(group)


def test_after_a_beacon_the_same_tab_goes_on_without_a_conflict(client, group):
    """The tab could not read its beacon's answer: its base is stale only by its own saves."""
    client.force_login(group.author.learner)
    beacon = client.post(
        _url(group),
        {"autosave": "1", "text": TEXT + " Een.", "base_revision": "1", "client_id": "tab-a"},
    )
    next_save = _json(
        client,
        _url(group),
        {"text": TEXT + " Een. Twee.", "base_revision": 1, "client_id": "tab-a"},
    )
    other_tab = _json(
        client, _url(group), {"text": "Andere tab", "base_revision": 1, "client_id": "tab-b"}
    )

    assert beacon.status_code == 200 and next_save.status_code == 200
    assert next_save.json()["revision"] == 3 and next_save.json()["conflict"] is False
    assert other_tab.status_code == 409
    assert _draft(group).text == TEXT + " Een. Twee."


def test_identical_text_from_a_stale_tab_is_a_quiet_success(client, group):
    services.draft_save(submission=group.draft, text=NEWER, base_revision=1, client_id="tab-b")
    client.force_login(group.author.learner)

    response = _json(client, _url(group), {"text": NEWER, "base_revision": 1, "client_id": "tab-a"})

    assert response.status_code == 200 and response.json()["revision"] == 2


def test_a_save_of_the_unchanged_text_takes_no_lock_and_writes_nothing(group):
    # Autosave on leaving, a retry or a second tab often sends what the server has:
    # answered from one read, without the write transaction (SQLite's IMMEDIATE
    # lock, PostgreSQL's row lock) that every learner's saves queue behind.
    no_transaction = mock.patch.object(
        services.transaction, "atomic", side_effect=AssertionError("opened a transaction")
    )
    with no_transaction, CaptureQueriesContext(connection) as queries:
        saved = services.draft_save(
            submission=group.draft, text=TEXT, base_revision=1, client_id="tab-a"
        )

    assert saved.version.revision == 1 and saved.version.text == TEXT
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert DraftRevision.objects.filter(version=saved.version).count() == 1


def test_the_unchanged_text_of_a_submitted_version_is_still_refused(group):
    submitted_reflection(enrolment=group.author, assignment=group.assignment)
    text = _draft(group).text
    with pytest.raises(errors.SubmissionLocked):
        services.draft_save(submission=group.draft, text=text, base_revision=99)


def test_the_form_save_from_a_stale_revision_shows_both_texts(client, group):
    services.draft_save(submission=group.draft, text=NEWER, base_revision=1, client_id="tab-b")
    client.force_login(group.author.learner)

    response = client.post(
        _url(group, "submit"), {"action": "save", "base_revision": 1, "text": "Mijn oude tab"}
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "Mijn oude tab</textarea>" in html  # mine, still editable
    assert "data-conflict-saved" in html and NEWER in html  # the saved one, read-only
    assert 'name="base_revision" value="2"' in html  # saving now is a choice, not an accident
    assert _draft(group).text == NEWER


def test_a_submit_from_a_stale_revision_does_not_lock_the_old_text(client, group):
    services.draft_save(submission=group.draft, text=NEWER, base_revision=1, client_id="tab-b")
    client.force_login(group.author.learner)

    response = client.post(
        _url(group, "submit"),
        {"action": "submit", "audience": "peers", "base_revision": 1, "text": TEXT + " oud"},
    )

    assert response.status_code == 409
    assert _draft(group).text == NEWER and not _draft(group).is_locked


# --- Bad input: a clear Dutch answer, never a 500 or a silent change ---------


@pytest.mark.parametrize(
    "body,message",
    [
        (b'{"text": "Mijn \\ud800 verhaal", "base_revision": 1}', "InvalidCharacters"),
        (b'{"text": "Mijn \\u0000 verhaal", "base_revision": 1}', "InvalidCharacters"),
        ('{"text": "Mijn \ufffd verhaal", "base_revision": 1}'.encode(), "InvalidCharacters"),
        (b'{"text": "Mijn \xff verhaal", "base_revision": 1}', "UnreadableRequest"),
        (b'{"text": "Mijn verhaal", ', "UnreadableRequest"),
        (b'["Mijn verhaal"]', "UnreadableRequest"),
        (b'{"text": 5, "base_revision": 1}', "UnreadableRequest"),
        (b'{"text": "Mijn verhaal", "base_revision": 1, "client_id": 5}', "UnreadableRequest"),
    ],
    ids=[
        "lone-surrogate",
        "nul",
        "replacement-character",
        "invalid-utf8",
        "malformed",
        "not-an-object",
        "text-not-a-string",
        "client-id-not-a-string",
    ],
)
def test_bad_json_gets_a_dutch_json_answer_and_changes_nothing(client, group, body, message):
    client.force_login(group.author.learner)

    response = _json(client, _url(group), body)

    _dutch_json_error(response, 400, getattr(errors, message).message)
    assert _unchanged(group)


def test_invalid_utf8_in_a_form_post_is_refused_not_stored_as_replacement(client, group):
    client.force_login(group.author.learner)

    response = client.post(
        _url(group),
        b"autosave=1&base_revision=1&text=Mijn%FF%FEverhaal",
        content_type="application/x-www-form-urlencoded",
    )

    _dutch_json_error(response, 400, errors.InvalidCharacters.message)
    assert _unchanged(group)


@override_settings(REFLECTION_DRAFT_MAX_CHARS=50)
def test_a_draft_over_the_maximum_is_refused_with_the_maximum(client, group):
    client.force_login(group.author.learner)

    response = _json(client, _url(group), {"text": "a" * 51, "base_revision": 1})

    data = _dutch_json_error(response, 413)
    assert data["too_long"] is True and data["max_chars"] == 50
    assert _unchanged(group)


def test_a_body_over_the_upload_limit_gets_413_json(client, group):
    client.force_login(group.author.learner)
    text = "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)

    response = client.post(
        _url(group),
        {"autosave": "1", "base_revision": "1", "text": text},
        headers={"Accept": "application/json"},
    )

    data = _dutch_json_error(response, 413)
    assert data["too_long"] is True
    assert _unchanged(group)


def test_a_form_body_over_the_upload_limit_gets_a_413_page(client, group):
    client.force_login(group.author.learner)
    text = "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)

    response = client.post(
        _url(group, "submit"), {"action": "save", "base_revision": "1", "text": text}
    )

    assert response.status_code == 413 and "no-store" in response["Cache-Control"]
    assert nl("Your text is too long to save") in response.content.decode()
    assert _unchanged(group)


def test_the_editor_states_the_maximum_size(client, group):
    client.force_login(group.author.learner)
    html = client.get(group.assignment.url).content.decode()
    assert f'data-max-chars="{settings.REFLECTION_DRAFT_MAX_CHARS}"' in html
    assert "100.000 tekens" in html


def test_very_large_ids_are_404_not_500(client, group):
    client.force_login(group.author.learner)
    lesson_url = reverse("learning:complete_lesson", args=[1]).replace("/1/", f"/{HUGE}/")

    lesson = client.post(lesson_url)
    start = _json(
        client, reverse("reflections:start"), {"assignment": HUGE, "text": TEXT, "base_revision": 0}
    )
    start_form = client.post(reverse("reflections:start"), {"assignment": HUGE, "text": TEXT})

    assert lesson.status_code == 404
    assert start.status_code == 404 and start_form.status_code == 404


def test_a_locked_database_gets_503_json_with_retry_after(client, group):
    client.force_login(group.author.learner)

    with mock.patch.object(
        services, "draft_save", side_effect=OperationalError("database is locked")
    ):
        response = _json(client, _url(group), {"text": NEWER, "base_revision": 1})

    data = _dutch_json_error(response, 503, "It is busy right now, so your text was not saved yet.")
    assert data["retry"] is True
    assert int(response["Retry-After"]) > 0
    assert _unchanged(group)


# --- History: every saved revision stays recoverable -------------------------


def test_every_saved_revision_is_kept_for_the_author(client, group):
    services.draft_save(submission=group.draft, text=NEWER, base_revision=1, client_id="tab-b")
    client.force_login(group.author.learner)

    response = client.get(_url(group, "history"))

    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert TEXT in html and NEWER in html
    assert nl("Restore this version") in html


def test_restoring_an_earlier_revision_saves_it_as_a_new_one(client, group):
    services.draft_save(submission=group.draft, text=NEWER, base_revision=1, client_id="tab-b")
    client.force_login(group.author.learner)

    response = client.post(reverse("reflections:restore", args=[group.draft.public_id, 1]))

    assert response.status_code == 302
    version = _draft(group)
    assert version.text == TEXT and version.revision == 3
    assert list(version.draft_revisions.values_list("revision", "text")) == [
        (1, TEXT),
        (2, NEWER),
        (3, TEXT),
    ]


def test_only_the_author_sees_or_restores_earlier_revisions(client, group):
    for visitor in (group.other.learner, UserFactory()):
        client.force_login(visitor)
        assert client.get(_url(group, "history")).status_code == 404
        restore = reverse("reflections:restore", args=[group.draft.public_id, 1])
        assert client.post(restore).status_code == 404
    assert _unchanged(group)


def test_a_huge_revision_number_to_restore_is_404(client, group):
    client.force_login(group.author.learner)
    url = reverse("reflections:restore", args=[group.draft.public_id, 1]).replace(
        "/1/", f"/{HUGE}/"
    )
    assert client.post(url).status_code == 404


# --- The service keeps the rules ---------------------------------------------


@override_settings(REFLECTION_DRAFT_HISTORY=3)
def test_the_last_revisions_are_kept_and_older_ones_pruned(group):
    for number in range(2, 7):
        services.draft_save(
            submission=group.draft,
            text=f"{TEXT} {number}",
            base_revision=number - 1,
            client_id="tab-a",
        )

    kept = DraftRevision.objects.filter(version__submission=group.draft)
    assert list(kept.order_by("revision").values_list("revision", flat=True)) == [4, 5, 6]


@override_settings(REFLECTION_DRAFT_HISTORY=3)
def test_a_text_another_tab_wrote_over_outlives_the_last_revisions(group):
    # Revision 1 (tab-a) is replaced by tab-b, which then autosaves on and on.
    for number in range(2, 9):
        services.draft_save(
            submission=group.draft,
            text=f"{NEWER} {number}",
            base_revision=number - 1,
            client_id="tab-b",
        )

    kept = DraftRevision.objects.filter(version__submission=group.draft).order_by("revision")
    assert list(kept.values_list("revision", flat=True)) == [1, 6, 7, 8]
    assert kept.first().text == TEXT


def test_draft_save_refuses_a_stale_base_with_the_server_text(group):
    services.draft_save(submission=group.draft, text=NEWER, base_revision=1, client_id="tab-b")

    with pytest.raises(errors.DraftConflict) as caught:
        services.draft_save(submission=group.draft, text="Oud", base_revision=1, client_id="tab-a")

    assert caught.value.server_text == NEWER and caught.value.server_revision == 2


@pytest.mark.parametrize("base", [None, -1, 2**63])
def test_draft_save_requires_a_valid_base(group, base):
    with pytest.raises(errors.InvalidBaseRevision):
        services.draft_save(submission=group.draft, text="Anders", base_revision=base)
    assert _unchanged(group)


def test_draft_save_refuses_missing_text(group):
    with pytest.raises(errors.DraftTextMissing):
        services.draft_save(submission=group.draft, text=None, base_revision=1)
    assert _unchanged(group)


def test_a_submitted_version_refuses_drafts(group):
    submitted_reflection(enrolment=group.author, assignment=group.assignment)
    with pytest.raises(errors.SubmissionLocked):
        services.draft_save(submission=group.draft, text="Anders", base_revision=99)


# --- A database locked past its busy timeout: 503 with Retry-After, every save ---


def test_the_first_autosave_under_a_held_lock_gets_503_json_not_500(client):
    from tests.busy import assert_busy, database_locked

    assignment, (author,) = reflection_cohort(learners=1)
    client.force_login(author.learner)
    body = {"assignment": assignment.pk, "text": TEXT, "base_revision": 0, "autosave": "1"}

    with database_locked():
        response = _json(client, reverse("reflections:start"), body)

    data = assert_busy(response, json=True)
    assert data["error"] == nl("It is busy right now, so your text was not saved yet.")
    assert not SubmissionVersion.objects.exists()
    # The editor retries and the same first save goes through.
    assert _json(client, reverse("reflections:start"), body).status_code == 200


def test_the_first_save_of_the_plain_form_under_a_lock_keeps_the_text_and_says_when(client):
    from tests.busy import assert_busy, database_locked

    assignment, (author,) = reflection_cohort(learners=1)
    client.force_login(author.learner)

    with database_locked():
        response = client.post(
            reverse("reflections:start"),
            {"assignment": assignment.pk, "text": TEXT, "base_revision": "0", "action": "save"},
        )

    assert_busy(response, kept=(TEXT,))
    assert not SubmissionVersion.objects.exists()


def test_a_later_save_of_the_plain_form_under_a_lock_has_retry_after(client, group):
    from tests.busy import assert_busy, database_locked

    client.force_login(group.author.learner)
    with database_locked():
        response = client.post(
            _url(group, "submit"), {"text": NEWER, "base_revision": "1", "action": "save"}
        )

    assert_busy(response, kept=(NEWER,))
    assert _unchanged(group)
