"""The participant's minute: anonymous for real, one answer per phone, every refusal calm.

These tests inspect the stored rows: no IP address, no user agent, no account, no time
(only the day) — and that a refused request changes nothing.
"""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from training.groups import errors, services
from training.groups.models import FeedbackAnswer, FeedbackMoment
from training.groups.participant_views import PHONE_COOKIE

from .conftest import answer, open_moment, post_data, scores

pytestmark = pytest.mark.django_db


def url(moment):
    return reverse("groups:answer", kwargs={"token": moment.token})


def test_the_page_needs_no_account_and_sets_no_cookie_before_an_answer(client, moment):
    response = client.get(url(moment), HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    assert "Ik voelde me veilig" in response.content.decode()
    assert "113" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    assert PHONE_COOKIE not in response.cookies
    assert "sessionid" not in response.cookies
    assert "<script" not in response.content.decode()


def test_an_answer_stores_no_ip_user_agent_account_or_time(client, moment, clock):
    response = client.post(
        url(moment),
        post_data(),
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 9) Goedkope telefoon",
        HTTP_X_FORWARDED_FOR="198.51.100.5",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("groups:thanks", kwargs={"token": moment.token})
    row = FeedbackAnswer.objects.get()
    stored = {
        field.attname: getattr(row, field.attname) for field in FeedbackAnswer._meta.concrete_fields
    }
    as_text = repr(stored)
    for leak in ("203.0.113", "198.51.100", "Mozilla", "Android", "Goedkope"):
        assert leak not in as_text
    # Only the day: no column holds a time of day.
    assert not [
        f.name
        for f in FeedbackAnswer._meta.concrete_fields
        if f.get_internal_type() == "DateTimeField"
    ]
    assert stored["answered_on"] == datetime.date(2026, 3, 4)
    assert set(stored) == {
        "id", "moment_id", "phone_key", "answered_on", "safe", "accepted", "room", "atmosphere",
        "agreements", "gain_recognition", "gain_support", "gain_less_alone",
        "gain_meeting_people", "gain_knowledge", "open_answer",
    }  # fmt: skip
    # The phone key is a hash, not the cookie's value.
    cookie = response.cookies[PHONE_COOKIE]
    assert cookie.value not in as_text
    assert len(stored["phone_key"]) == 64


def test_the_one_cookie_is_narrow_httponly_and_lax(client, moment):
    response = client.post(url(moment), post_data())
    cookie = response.cookies[PHONE_COOKIE]
    assert cookie["path"] == url(moment)
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert 0 < int(cookie["max-age"]) <= 48 * 3600
    assert [name for name in response.cookies if name != "csrftoken"] == [PHONE_COOKIE]


def test_a_second_answer_from_the_same_phone_is_refused_and_changes_nothing(client, moment):
    client.post(url(moment), post_data(value=5))
    second = client.post(url(moment), post_data(value=1, open_answer="Anders"))
    assert second.status_code == 409
    assert "al antwoord" in second.content.decode()
    assert FeedbackAnswer.objects.count() == 1
    assert FeedbackAnswer.objects.get().safe == 5
    # The page itself says so, too.
    assert client.get(url(moment)).status_code == 409


def test_another_phone_may_answer(client, moment):
    from django.test import Client

    client.post(url(moment), post_data())
    other = Client()
    assert other.post(url(moment), post_data()).status_code == 302
    assert FeedbackAnswer.objects.count() == 2


def test_the_database_refuses_a_second_answer_per_phone_key(moment):
    first = answer(moment)
    duplicate = FeedbackAnswer(
        moment=moment, phone_key=first.phone_key, answered_on=first.answered_on, **scores()
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_the_database_refuses_a_moment_open_longer_than_seven_days(group, clock):
    meeting = services.meeting_get_or_create(group=group, held_on=datetime.date(2026, 3, 4))
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackMoment.objects.create(meeting=meeting, token="x" * 22, lifetime_hours=169)
    with pytest.raises(errors.LifetimeTooLong):
        services.moment_open(meeting=meeting, lifetime_hours=169)
    assert services.moment_open(meeting=meeting, lifetime_hours=168).lifetime_hours == 168


def test_a_closed_moment_takes_no_answer(client, moment, clock):
    clock.shift(datetime.timedelta(hours=48, seconds=1))
    response = client.post(url(moment), post_data())
    assert response.status_code == 410
    assert "gesloten" in response.content.decode()
    assert FeedbackAnswer.objects.count() == 0
    assert client.get(url(moment)).status_code == 410


def test_a_moment_is_open_for_48_hours_by_default(client, moment, clock):
    clock.shift(datetime.timedelta(hours=47, minutes=59))
    assert client.post(url(moment), post_data()).status_code == 302


def test_closing_early_stops_answers(client, moment):
    services.moment_close(moment=moment)
    assert client.post(url(moment), post_data()).status_code == 410


def test_links_cannot_be_guessed(client, moment):
    assert len(moment.token) >= 22  # 128 random bits
    other = open_moment(moment.meeting.group, held_on=datetime.date(2026, 3, 5))
    assert other.token != moment.token
    changed = "B" if moment.token.endswith("A") else "A"  # one character off
    assert client.get("/groep/" + moment.token[:-1] + changed + "/").status_code == 404
    assert client.get("/groep/1/").status_code == 404
    assert client.get(f"/groep/{moment.public_id}/").status_code == 404


def test_answers_are_rate_limited_per_moment(client, moment, settings):
    from django.test import Client

    settings.GROUP_FEEDBACK_RATE_LIMIT = 2
    assert Client().post(url(moment), post_data()).status_code == 302
    assert Client().post(url(moment), post_data()).status_code == 302
    busy = Client().post(url(moment), post_data(open_answer="Mijn woorden blijven staan"))
    assert busy.status_code == 429
    assert busy["Retry-After"] == "60"
    assert "Mijn woorden blijven staan" in busy.content.decode()  # nothing typed is lost
    assert FeedbackAnswer.objects.count() == 2
    # Another moment has its own count.
    other = open_moment(moment.meeting.group, held_on=datetime.date(2026, 3, 5))
    assert Client().post(url(other), post_data()).status_code == 302


@pytest.mark.parametrize(
    "overrides",
    [
        {"safe": "6"},
        {"safe": "0"},
        {"safe": "veel"},
        {"safe": ""},
        {"accepted": "3.5"},
        {"gains": ["gain_money"]},
        {"open_answer": "x" * 1001},
        {"open_answer": "Kijk op https://spam.example"},
        {"open_answer": "nul\x00byte"},
    ],
)
def test_bad_input_gets_a_friendly_dutch_error_and_changes_nothing(client, moment, overrides):
    response = client.post(url(moment), post_data(**overrides), HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Controleer het volgende" in page or "Kies" in page
    assert FeedbackAnswer.objects.count() == 0
    assert PHONE_COOKIE not in response.cookies


def test_a_missing_statement_is_named(client, moment):
    data = post_data()
    del data["room"]
    response = client.post(url(moment), data, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 400
    assert "Er was ruimte voor mijn verhaal" in response.content.decode()
    # What was typed stays in the form.
    assert "Dat ik mijn verhaal kwijt kon." in response.content.decode()


def test_scripts_get_json_errors(client, moment):
    response = client.post(url(moment), post_data(safe="9"), HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert "safe" in response.json()["errors"]
    ok = client.post(url(moment), post_data(), HTTP_ACCEPT="application/json")
    assert ok.status_code == 201
    again = client.post(url(moment), post_data(), HTTP_ACCEPT="application/json")
    assert again.status_code == 409
    assert again.json()["error"]


def test_csrf_is_still_checked(moment):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(url(moment), post_data()).status_code == 403
    assert FeedbackAnswer.objects.count() == 0


def test_an_oversized_body_changes_nothing(client, moment, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(url(moment), post_data(open_answer="x" * 20_000))
    assert response.status_code == 400
    assert FeedbackAnswer.objects.count() == 0


def test_thanks_page_shows_the_113_line(client, moment):
    response = client.get(reverse("groups:thanks", kwargs={"token": moment.token}))
    assert response.status_code == 200
    assert "0800-0113" in response.content.decode()


def test_opening_a_moment_twice_gives_the_same_moment(group, clock):
    first = open_moment(group)
    again = open_moment(group)
    assert first.pk == again.pk
    assert FeedbackMoment.objects.count() == 1
