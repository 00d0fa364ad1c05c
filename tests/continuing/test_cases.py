"""Changing one's own intervision case notes: only the writer, and never over newer text."""

import uuid

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.factories import EnrolmentFactory
from training.continuing import errors, services

from .test_renewal import certificate, meeting_for  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

FIRST = "Een deelnemer belde me 's nachts."
BETTER = "Een deelnemer belde me 's nachts; ik nam op en wist niet hoe ik moest stoppen."
OTHER_TAB = "Een deelnemer belde me midden in de nacht."


@pytest.fixture
def case(certificate):  # noqa: F811
    meeting = meeting_for(certificate, coordinator=EnrolmentFactory().learner)
    return services.case_save(
        meeting=meeting, brought_by=certificate.learner, client_id=uuid.uuid4(), case=FIRST
    )


def edit_url(case):
    return reverse("continuing:case_edit", args=[case.public_id])


def form_data(page, **changes):
    """The edit form as the browser would send it: its version and the notes."""
    version = page.context["form"]["version"].value()
    return {"version": version, "case": FIRST, **changes}


def test_the_writer_changes_their_notes(client, case):
    client.force_login(case.brought_by)
    page = client.get(edit_url(case))
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("no-store") or "no-store" in page["Cache-Control"]
    assert escape(FIRST) in page.content.decode()

    response = client.post(edit_url(case), form_data(page, case=BETTER, takeaway="Grenzen."))

    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.case, case.takeaway) == (BETTER, "Grenzen.")
    meeting_page = client.get(response["Location"]).content.decode()
    assert escape(BETTER) in meeting_page and edit_url(case) in meeting_page


def test_an_older_form_does_not_replace_newer_notes_and_keeps_its_text(client, case):
    client.force_login(case.brought_by)
    old_tab = client.get(edit_url(case))
    new_tab = client.get(edit_url(case))
    client.post(edit_url(case), form_data(new_tab, case=OTHER_TAB))

    response = client.post(edit_url(case), form_data(old_tab, case=BETTER))

    assert response.status_code == 409
    body = response.content.decode()
    assert escape(BETTER) in body  # the text of this tab is still in the form
    assert escape(OTHER_TAB) in body  # and the saved version is shown
    case.refresh_from_db()
    assert case.case == OTHER_TAB
    # Saving again from the refreshed form is the writer's choice, and it counts.
    again = client.post(edit_url(case), form_data(response, case=BETTER))
    assert again.status_code == 302
    case.refresh_from_db()
    assert case.case == BETTER


def test_an_empty_case_is_refused_kindly_and_nothing_changes(client, case):
    client.force_login(case.brought_by)
    page = client.get(edit_url(case))
    response = client.post(edit_url(case), form_data(page, case="", takeaway="Nog iets."))
    assert response.status_code == 200
    assert "Nog iets." in response.content.decode()
    case.refresh_from_db()
    assert case.case == FIRST


def test_anyone_else_gets_a_404(client, case):
    peer = EnrolmentFactory().learner
    case.meeting.group.members.add(peer)
    for user in (peer, case.meeting.group.coordinator, EnrolmentFactory().learner):
        client.force_login(user)
        assert client.get(edit_url(case)).status_code == 404
        assert client.post(edit_url(case), {"case": "x", "version": "x"}).status_code == 404
    client.logout()
    assert client.get(edit_url(case)).status_code == 302  # to sign in
    case.refresh_from_db()
    assert case.case == FIRST


def test_the_service_refuses_an_old_version(case):
    old = case.updated_at
    services.case_update(notes=case, version=old, case=OTHER_TAB)
    with pytest.raises(errors.CaseChangedElsewhere):
        services.case_update(notes=case, version=old, case=BETTER)
    case.refresh_from_db()
    assert case.case == OTHER_TAB


def test_saving_notes_while_the_database_is_locked_gets_a_calm_503(client, case):
    from tests.busy import assert_busy, database_locked

    client.force_login(case.brought_by)
    page = client.get(edit_url(case))
    with database_locked():
        response = client.post(edit_url(case), form_data(page, case=BETTER))
    assert_busy(response, kept=(escape(BETTER),))
    case.refresh_from_db()
    assert case.case == FIRST
