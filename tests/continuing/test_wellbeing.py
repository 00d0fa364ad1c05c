import datetime
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import TrainerFactory, UserFactory, login_with_mfa
from training.continuing import services
from training.continuing.models import SupportRequest, WellbeingCheckIn, WellbeingNudge

from .test_practice_log import session_fields


def checkin(**overrides):
    return {
        "energy_cost": 3,
        "energy_gain": 2,
        "sleep": 2,
        "lingering": True,
        "wants_contact": False,
        **overrides,
    }


def test_a_checkin_is_recorded_once_per_client_id_and_per_session(facilitator):
    session, _ = services.practice_session_create(
        facilitator=facilitator, client_id=uuid.uuid4(), **session_fields()
    )
    first, created = services.checkin_record(
        facilitator=facilitator, client_id=uuid.uuid4(), session=session, **checkin()
    )
    again, created_again = services.checkin_record(
        facilitator=facilitator, client_id=uuid.uuid4(), session=session, **checkin(sleep=4)
    )
    assert created and not created_again and again.pk == first.pk
    assert WellbeingCheckIn.objects.count() == 1


def test_asking_for_contact_tells_the_trainers_without_any_content(
    facilitator, trainer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.checkin_record(
            facilitator=facilitator, client_id=uuid.uuid4(), **checkin(wants_contact=True)
        )
    request = SupportRequest.objects.get()
    assert request.facilitator == facilitator
    assert [m.to for m in mail.outbox] == [[trainer.email]]
    body = mail.outbox[0].subject + mail.outbox[0].body
    # Nothing of the check-in and not even who asked: that is behind the sign-in.
    assert facilitator.email not in body and facilitator.get_full_name() not in body
    assert "slaap" not in body.lower() and "energie" not in body.lower()
    assert reverse("support_requests:index") in body


def test_one_open_request_at_a_time(facilitator, trainer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            services.checkin_record(
                facilitator=facilitator, client_id=uuid.uuid4(), **checkin(wants_contact=True)
            )
    assert SupportRequest.objects.count() == 1
    assert len(mail.outbox) == 1
    services.support_request_follow_up(request=SupportRequest.objects.get(), trainer=trainer)
    services.support_request_raise(facilitator=facilitator)
    assert SupportRequest.objects.count() == 2


def test_the_trend_page_is_the_facilitators_own(client, facilitator):
    for day, energy in ((1, 4), (8, 2), (15, 1)):
        WellbeingCheckIn.objects.create(
            facilitator=facilitator,
            client_id=uuid.uuid4(),
            checked_on=datetime.date(2026, 11, day),
            **checkin(energy_cost=energy),
        )
    client.force_login(facilitator)
    response = client.get(reverse("continuing:wellbeing"))
    body = response.content.decode()
    assert response["Cache-Control"].startswith("no-store, private")
    assert body.count('class="trend__dot trend__dot--energy_cost"') == 3
    assert '<table class="trend__table">' in body
    assert "1 november 2026" in body and "15 november 2026" in body


def test_nobody_else_sees_a_checkin_anywhere(client, facilitator, trainer):
    WellbeingCheckIn.objects.create(
        facilitator=facilitator,
        client_id=uuid.uuid4(),
        **checkin(energy_cost=4, lingering=True),
    )
    other = UserFactory()
    client.force_login(other)
    assert "trend__dot" not in client.get(reverse("continuing:wellbeing")).content.decode()
    login_with_mfa(client, trainer)
    for name in ("support_requests:index", "shared_sessions:index"):
        body = client.get(reverse(name)).content.decode()
        assert "trend__dot" not in body
    # No admin listing exists for check-ins at all.
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        reverse("wellbeingcheckin:index")


def test_checking_in_through_the_form(client, facilitator):
    client.force_login(facilitator)
    data = {"client_id": str(uuid.uuid4()), **checkin(wants_contact=False)}
    data["lingering"] = "on"
    data.pop("wants_contact")
    response = client.post(reverse("continuing:wellbeing"), data)
    assert response.status_code == 302
    assert WellbeingCheckIn.objects.get().lingering is True


def test_a_missing_answer_is_a_dutch_error(client, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("continuing:wellbeing"), {"client_id": str(uuid.uuid4())})
    assert response.status_code == 200
    assert "Dit is een verplicht veld" in response.content.decode()


def test_the_monthly_nudge_goes_once_a_month_to_active_facilitators(facilitator, db):
    services.practice_session_create(
        facilitator=facilitator,
        client_id=uuid.uuid4(),
        **session_fields(held_on=datetime.date(2026, 11, 20)),
    )
    UserFactory()  # no sessions: no nudge
    today = datetime.date(2026, 12, 1)
    assert services.wellbeing_nudges_send(today=today) == 1
    assert services.wellbeing_nudges_send(today=today) == 0
    assert WellbeingNudge.objects.count() == 1
    assert "listening" not in mail.outbox[0].body and "doorgevraagd" not in mail.outbox[0].body
    # Checked in this month: no nudge next time either.
    WellbeingCheckIn.objects.create(
        facilitator=facilitator, client_id=uuid.uuid4(), checked_on=today, **checkin()
    )
    WellbeingNudge.objects.all().delete()
    assert services.wellbeing_nudges_send(today=today) == 0


def test_the_too_much_page_names_where_to_go(client, facilitator):
    client.force_login(facilitator)
    body = client.get(reverse("continuing:too_much")).content.decode()
    assert "113" in body and "coördinator" in body.lower()


def test_trainer_factory_is_a_trainer(db):
    assert TrainerFactory().groups.exists()


def test_the_chart_coordinates_are_numbers_in_every_language(client, facilitator):
    """Dutch formats 16.0 as '16,0': an SVG attribute must not be localised."""
    import re

    for day in (1, 8):
        WellbeingCheckIn.objects.create(
            facilitator=facilitator,
            client_id=uuid.uuid4(),
            checked_on=datetime.date(2026, 11, day),
            **checkin(),
        )
    client.force_login(facilitator)
    body = client.get(reverse("continuing:wellbeing")).content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    coordinates = re.findall(r'\b(?:x1|x2|y1|y2|y|cx|cy)="([^"]*)"', svg)
    assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in coordinates)


def test_checking_in_while_the_database_is_locked_gets_a_calm_503(client, facilitator):
    from tests.busy import assert_busy, database_locked

    client.force_login(facilitator)
    data = {"client_id": str(uuid.uuid4()), **checkin(wants_contact=False), "lingering": "on"}
    data.pop("wants_contact")
    with database_locked():
        response = client.post(reverse("continuing:wellbeing"), data)
    assert_busy(response)
    assert not WellbeingCheckIn.objects.exists()
