import datetime
import uuid

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from training.continuing import errors, services
from training.continuing.models import PracticeSession

REFLECTION = "Ik merkte dat ik wilde adviseren en heb toen doorgevraagd."


def session_fields(**overrides):
    fields = {
        "held_on": datetime.date(2026, 11, 20),
        "group_kind": "Leven met reuma, avondgroep",
        "setting": "on_site",
        "duration_minutes": 90,
        "co_facilitator": "",
        "participants": 7,
        "own_experience": "",
        "listening_moment": REFLECTION,
        "boundary_moment": "",
        "shared_with_trainer": False,
    }
    return {**fields, **overrides}


def post_data(**overrides):
    data = session_fields(**overrides)
    data["held_on"] = data["held_on"].isoformat()
    data["participants"] = "" if data["participants"] is None else data["participants"]
    if not data.pop("shared_with_trainer"):
        data.pop("shared_with_trainer", None)
    else:
        data["shared_with_trainer"] = "on"
    return {"client_id": str(uuid.uuid4()), **data}


def test_the_same_client_id_logs_one_session(facilitator):
    client_id = uuid.uuid4()
    first, created = services.practice_session_create(
        facilitator=facilitator, client_id=client_id, **session_fields()
    )
    again, created_again = services.practice_session_create(
        facilitator=facilitator, client_id=client_id, **session_fields(group_kind="Anders")
    )
    assert created and not created_again
    assert again.pk == first.pk and again.group_kind == "Leven met reuma, avondgroep"
    assert PracticeSession.objects.count() == 1


def test_someone_without_a_course_or_certificate_cannot_log(db):
    with pytest.raises(errors.NotForYou):
        services.practice_session_create(
            facilitator=UserFactory(), client_id=uuid.uuid4(), **session_fields()
        )


def test_the_database_refuses_an_impossible_duration(facilitator):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        PracticeSession.objects.create(
            facilitator=facilitator, client_id=uuid.uuid4(), **session_fields(duration_minutes=2)
        )


def test_logging_through_the_form_then_a_double_post_keeps_one(client, facilitator):
    client.force_login(facilitator)
    data = post_data()
    first = client.post(reverse("continuing:session_new"), data)
    second = client.post(reverse("continuing:session_new"), data)
    session = PracticeSession.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == reverse("continuing:session_checkin", args=[session.public_id])
    assert session.listening_moment == REFLECTION
    page = client.get(reverse("continuing:log"))
    assert page["Cache-Control"].startswith("no-store, private")
    assert "Leven met reuma, avondgroep" in page.content.decode()
    assert "1 sessie, 1,5 uur" in page.content.decode()


def test_bad_input_keeps_every_word_and_explains_in_dutch(client, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("continuing:session_new"), post_data(duration_minutes=1))
    assert response.status_code == 200
    body = response.content.decode()
    assert "tussen 5 en 600 minuten" in body
    assert REFLECTION in body
    assert not PracticeSession.objects.exists()


def test_someone_elses_session_is_a_404(client, facilitator):
    session, _ = services.practice_session_create(
        facilitator=facilitator, client_id=uuid.uuid4(), **session_fields()
    )
    other = UserFactory()
    client.force_login(other)
    for name in ("session_edit", "session_delete", "session_checkin"):
        assert (
            client.get(reverse(f"continuing:{name}", args=[session.public_id])).status_code == 404
        )
    assert (
        client.post(reverse("continuing:session_delete", args=[session.public_id])).status_code
        == 404
    )
    assert PracticeSession.objects.filter(pk=session.pk).exists()


def test_editing_and_deleting_own_sessions(client, facilitator):
    session, _ = services.practice_session_create(
        facilitator=facilitator, client_id=uuid.uuid4(), **session_fields()
    )
    client.force_login(facilitator)
    url = reverse("continuing:session_edit", args=[session.public_id])
    data = post_data(group_kind="Online groep", shared_with_trainer=True)
    data.pop("client_id")
    data["version"] = client.get(url).context["form"]["version"].value()
    response = client.post(url, data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.group_kind == "Online groep" and session.shared_with_trainer
    client.post(reverse("continuing:session_delete", args=[session.public_id]))
    assert not PracticeSession.objects.exists()


def test_the_export_is_the_facilitators_own_and_formula_safe(client, facilitator):
    services.practice_session_create(
        facilitator=facilitator,
        client_id=uuid.uuid4(),
        **session_fields(group_kind='=HYPERLINK("x")'),
    )
    services.practice_session_create(
        facilitator=facilitator,
        client_id=uuid.uuid4(),
        **session_fields(group_kind="Tweede groep"),
    )
    client.force_login(facilitator)
    response = client.get(reverse("continuing:export_csv"))
    body = response.content.decode()
    assert response["Cache-Control"].startswith("no-store, private")
    assert "'=HYPERLINK" in body and "Tweede groep" in body
    assert REFLECTION in body


def test_print_view_lists_reflections(client, facilitator):
    services.practice_session_create(
        facilitator=facilitator, client_id=uuid.uuid4(), **session_fields()
    )
    client.force_login(facilitator)
    response = client.get(reverse("continuing:print"))
    assert REFLECTION in response.content.decode()
    assert response["Cache-Control"].startswith("no-store, private")


def test_a_visitor_without_a_course_is_told_what_the_log_is_for(client, db):
    client.force_login(UserFactory())
    response = client.get(reverse("continuing:log"))
    assert response.status_code == 403
    assert "praktijklogboek" in response.content.decode().lower()


def test_the_dashboard_links_the_practice_log(client, facilitator):
    client.force_login(facilitator)
    body = client.get("/mijn/").content.decode()
    assert f'href="{reverse("continuing:log")}"' in body


def test_an_older_edit_form_does_not_replace_a_newer_reflection(client, facilitator):
    session, _ = services.practice_session_create(
        facilitator=facilitator, client_id=uuid.uuid4(), **session_fields()
    )
    client.force_login(facilitator)
    url = reverse("continuing:session_edit", args=[session.public_id])
    old_tab = client.get(url).context["form"]["version"].value()
    new_tab = client.get(url).context["form"]["version"].value()
    newer = "Op mijn telefoon aangevuld: ik liet de stilte even duren."
    older = "Vanaf de laptop: iets heel anders."

    def post(version, text):
        data = post_data(listening_moment=text)
        data.pop("client_id")
        return client.post(url, {**data, "version": version})

    assert post(new_tab, newer).status_code == 302
    refused = post(old_tab, older)

    assert refused.status_code == 409
    body = refused.content.decode()
    assert older in body and newer in body  # the typed text stays, the saved one is shown
    session.refresh_from_db()
    assert session.listening_moment == newer
    again = refused.context["form"]["version"].value()
    assert post(again, older).status_code == 302  # saving again is the writer's choice
    session.refresh_from_db()
    assert session.listening_moment == older


def test_a_version_that_is_not_a_date_is_refused_and_changes_nothing(facilitator):
    session, _ = services.practice_session_create(
        facilitator=facilitator, client_id=uuid.uuid4(), **session_fields()
    )
    with pytest.raises(errors.SessionChangedElsewhere):
        services.practice_session_update(session=session, version=None, group_kind="Anders")
    session.refresh_from_db()
    assert session.group_kind == "Leven met reuma, avondgroep"


def test_a_locked_database_gets_a_calm_503_and_the_log_is_shown_back(client, facilitator):
    from tests.busy import assert_busy, database_locked

    client.force_login(facilitator)
    data = post_data()
    with database_locked():
        response = client.post(reverse("continuing:session_new"), data)
    assert_busy(response, kept=("Leven met reuma, avondgroep",))
    assert not PracticeSession.objects.exists()
