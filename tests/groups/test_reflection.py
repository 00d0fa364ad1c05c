"""A dip in participants' feedback: a reflection prompt in the practice log, and the
meeting brought to intervision as a case with aggregated figures only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from training.continuing.models import IntervisionCase, IntervisionGroup, IntervisionMeeting
from training.groups import errors, services

from .conftest import answer, open_moment

pytestmark = pytest.mark.django_db

SECRET_WORDS = "Jan vertelde over zijn scheiding"


def _meetings(group, values):
    moments = []
    for days, value in enumerate(values):
        moment = open_moment(group, held_on=datetime.date(2026, 2, 1) + datetime.timedelta(days))
        for _ in range(5):
            answer(moment, value=value, open_answer=SECRET_WORDS)
        moments.append(moment)
    return moments


def test_a_dip_puts_a_reflection_prompt_in_the_practice_log(client, facilitator, group, clock):
    _meetings(group, [5, 5, 5])
    client.force_login(facilitator)
    log = client.get(reverse("continuing:log")).content.decode()
    assert "moment om stil te staan" not in log
    _meetings_after = open_moment(group, held_on=datetime.date(2026, 2, 10))
    for _ in range(5):
        answer(_meetings_after, value=2)
    log = client.get(reverse("continuing:log")).content.decode()
    assert "moment om stil te staan" in log
    assert "drie pijlers" in log
    assert reverse("groups:detail", args=[group.public_id]) in log
    assert SECRET_WORDS not in log


def test_a_dip_below_the_threshold_prompts_nothing(client, facilitator, group, clock):
    _meetings(group, [5, 5, 5])
    low = open_moment(group, held_on=datetime.date(2026, 2, 10))
    for _ in range(4):
        answer(low, value=1)
    client.force_login(facilitator)
    assert "moment om stil te staan" not in client.get(reverse("continuing:log")).content.decode()


def _intervision_for(facilitator):
    from tests.factories import TrainerFactory

    circle = IntervisionGroup.objects.create(
        name="Intervisie Zwolle", coordinator=facilitator, created_by=TrainerFactory()
    )
    circle.members.add(facilitator)
    return IntervisionMeeting.objects.create(
        group=circle,
        starts_at=timezone.now() + datetime.timedelta(days=7),
        duration_minutes=120,
        place="Buurthuis",
    )


def test_bringing_a_meeting_to_intervision_carries_figures_never_open_answers(
    client, facilitator, group, clock
):
    (moment,) = _meetings(group, [4])
    meeting = _intervision_for(facilitator)
    client.force_login(facilitator)
    page = client.get(reverse("groups:moment", args=[moment.public_id])).content.decode()
    assert "Intervisie Zwolle" in page
    url = reverse("groups:moment_case", args=[moment.public_id])
    first = client.post(url, {"intervision_meeting": meeting.pk})
    client.post(url, {"intervision_meeting": meeting.pk})  # a double click
    case = IntervisionCase.objects.get()
    assert first["Location"] == reverse("continuing:case_edit", args=[case.public_id])
    assert case.brought_by == facilitator
    assert "100%" in case.case
    assert SECRET_WORDS not in case.case


def test_below_the_threshold_nothing_goes_to_intervision(facilitator, group, clock):
    moment = open_moment(group)
    for _ in range(4):
        answer(moment)
    with pytest.raises(errors.TooFewAnswers):
        services.meeting_case_bring(
            moment=moment, intervision_meeting=_intervision_for(facilitator), brought_by=facilitator
        )
    assert not IntervisionCase.objects.exists()


def test_another_groups_intervision_meeting_is_a_404(client, facilitator, group, clock):
    from tests.factories import EnrolmentFactory

    (moment,) = _meetings(group, [4])
    stranger_meeting = _intervision_for(EnrolmentFactory().learner)
    client.force_login(facilitator)
    response = client.post(
        reverse("groups:moment_case", args=[moment.public_id]),
        {"intervision_meeting": stranger_meeting.pk},
    )
    assert response.status_code == 404
    assert not IntervisionCase.objects.exists()
