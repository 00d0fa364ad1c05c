"""The facilitator's pages: groups, opening a moment (link, QR, A6 card), closing it."""

import datetime
import io
import uuid

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import AssociationFactory
from training.continuing.models import PracticeSession
from training.groups import errors, services
from training.groups.models import FeedbackMoment, GroupMeeting, PeerGroup

pytestmark = pytest.mark.django_db


def test_adding_a_group_twice_with_one_form_creates_one(client, facilitator, association):
    client.force_login(facilitator)
    data = {
        "client_id": str(uuid.uuid4()),
        "name": "Leven met MS, ochtendgroep",
        "association": str(association.pk),
        "setting": "online",
        "rhythm": "elke tweede dinsdag",
    }
    first = client.post(reverse("groups:group_new"), data)
    second = client.post(reverse("groups:group_new"), data)
    assert first.status_code == second.status_code == 302
    group = PeerGroup.objects.get()
    assert group.association == association
    assert group.facilitator == facilitator
    assert not group.shared_with_trainers


def test_only_associations_the_facilitator_linked_to_can_be_chosen(facilitator, association):
    stranger = AssociationFactory()
    with pytest.raises(errors.GroupsError):
        services.peer_group_create(
            facilitator=facilitator, client_id=uuid.uuid4(), name="X", association=stranger
        )
    assert not PeerGroup.objects.exists()


def test_someone_who_never_followed_a_course_cannot_lead_groups(client):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("groups:list")).status_code == 403
    with pytest.raises(errors.NotForYou):
        services.peer_group_create(facilitator=user, client_id=uuid.uuid4(), name="X")


def test_opening_a_moment_gives_link_qr_and_card(client, facilitator, group, clock):
    session = PracticeSession.objects.create(
        facilitator=facilitator,
        client_id=uuid.uuid4(),
        held_on=datetime.date(2026, 3, 4),
        group_kind="Leven met reuma",
        duration_minutes=90,
    )
    client.force_login(facilitator)
    response = client.post(
        reverse("groups:moment_new", args=[group.public_id]),
        {"held_on": "2026-03-04", "lifetime_hours": "48", "practice_session": str(session.pk)},
    )
    moment = FeedbackMoment.objects.get()
    assert response["Location"] == reverse("groups:moment", args=[moment.public_id])
    assert GroupMeeting.objects.get().practice_session == session
    # A double click opens nothing new.
    client.post(
        reverse("groups:moment_new", args=[group.public_id]),
        {"held_on": "2026-03-04", "lifetime_hours": "48"},
    )
    assert FeedbackMoment.objects.count() == 1

    page = client.get(reverse("groups:moment", args=[moment.public_id]))
    link = f"http://testserver/groep/{moment.token}/"
    assert link in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    screen = client.get(reverse("groups:moment_screen", args=[moment.public_id])).content.decode()
    assert 'src="data:image/svg+xml' in screen

    card = client.get(reverse("groups:moment_card", args=[moment.public_id]))
    assert card["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(card.content))
    width_mm = float(reader.pages[0].mediabox.width) * 25.4 / 72
    height_mm = float(reader.pages[0].mediabox.height) * 25.4 / 72
    assert (round(width_mm), round(height_mm)) == (105, 148)  # A6
    assert "Hoe was de bijeenkomst?" in reader.pages[0].extract_text()


def test_a_moment_longer_than_seven_days_is_refused_in_the_form(client, facilitator, group):
    client.force_login(facilitator)
    response = client.post(
        reverse("groups:moment_new", args=[group.public_id]),
        {"held_on": "2026-03-04", "lifetime_hours": "200"},
    )
    assert response.status_code == 200
    assert not FeedbackMoment.objects.exists()


def test_closing_a_moment(client, facilitator, moment):
    client.force_login(facilitator)
    client.post(reverse("groups:moment_close", args=[moment.public_id]))
    moment.refresh_from_db()
    assert not moment.is_open()


def test_erasure_removes_groups_and_answers(facilitator, moment):
    from training.groups.models import FeedbackAnswer

    from .conftest import answer

    answer(moment, open_answer="Iets")
    services.groups_erase(user=facilitator)
    assert not PeerGroup.objects.exists()
    assert not FeedbackAnswer.objects.exists()


def test_export_gives_groups_and_figures_without_open_answers(facilitator, moment):
    from training.groups.selectors import personal_data

    from .conftest import answer

    for _ in range(5):
        answer(moment, value=4, open_answer="Geheime woorden")
    data = personal_data(user=facilitator)
    assert data["peer_groups"][0]["name"] == "Leven met reuma, avondgroep"
    feedback = data["peer_groups"][0]["meetings"][0]["feedback"]
    assert feedback["answers"] == 5
    assert feedback["statements"]["safe"]["4"] == 5
    assert "Geheime woorden" not in repr(data)


def test_the_list_shows_each_group_its_answers_and_its_open_moment(client, facilitator, moment):
    from .conftest import answer

    for _ in range(2):
        answer(moment)
    client.force_login(facilitator)
    page = client.get(reverse("groups:list"))
    html = page.content.decode()
    assert "Leven met reuma, avondgroep" in html
    assert "2 antwoorden tot nu toe" in html
    assert reverse("groups:moment", args=[moment.public_id]) in html
    assert "no-store" in page["Cache-Control"]


def test_the_cards_qr_code_opens_the_participants_page(client, facilitator, moment):
    """Read back with zxing-cpp (someone else's decoder), from the image in the PDF."""
    import zxingcpp

    client.force_login(facilitator)
    card = client.get(reverse("groups:moment_card", args=[moment.public_id]))
    (image,) = PdfReader(io.BytesIO(card.content)).pages[0].images
    picture = image.image.convert("L")
    picture = picture.resize((picture.width * 4, picture.height * 4))
    barcodes = zxingcpp.read_barcodes(picture)
    assert [b.text for b in barcodes if b.format == zxingcpp.BarcodeFormat.QRCode] == [
        f"http://testserver/groep/{moment.token}/"
    ]
