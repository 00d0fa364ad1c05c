"""Nothing but the count below the threshold: on every page, in the CSV and the PDF.

Every figure comes from `selectors.answer_summary`; these tests hold each output to it.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import AssociationFactory, login_with_mfa
from training.groups import selectors, services
from training.groups.models import FeedbackAnswer

from .conftest import answer, open_moment

pytestmark = pytest.mark.django_db

SECRET_WORDS = "Dat Marieke haar verhaal deelde over haar longen"


def test_the_threshold_is_five_by_default_and_never_below_three(settings):
    assert selectors.feedback_threshold() == 5
    settings.GROUP_FEEDBACK_MIN_ANSWERS = 1
    assert selectors.feedback_threshold() == 3
    settings.GROUP_FEEDBACK_MIN_ANSWERS = 8
    assert selectors.feedback_threshold() == 8


def test_below_the_threshold_only_the_count(moment):
    for _ in range(4):
        answer(moment, value=2, open_answer=SECRET_WORDS)
    summary = selectors.answer_summary(answers=moment.answers.all(), include_open_answers=True)
    assert summary.count == 4
    assert not summary.shown
    assert summary.statements == []
    assert summary.gains == []
    assert summary.open_answers == []


def test_at_the_threshold_figures_and_shuffled_open_answers(moment):
    for value in (1, 2, 4, 5, 5):
        answer(moment, value=value, open_answer=f"Antwoord {value}", gains={"gain_recognition"})
    summary = selectors.answer_summary(answers=moment.answers.all(), include_open_answers=True)
    assert summary.shown
    safe = summary.statement("safe")
    assert [count for _v, _l, count in safe.distribution] == [1, 1, 0, 1, 2]
    assert safe.agree_percent == 60
    assert safe.national_percent == 84
    assert summary.gains[0].count == 5
    assert sorted(summary.open_answers) == sorted(f"Antwoord {v}" for v in (1, 2, 4, 5, 5))
    # Without asking, never the open answers (association, trainers, exports).
    assert selectors.answer_summary(answers=moment.answers.all()).open_answers == []


def test_the_group_page_shows_nothing_below_the_threshold(client, facilitator, moment):
    for _ in range(4):
        answer(moment, value=1, open_answer=SECRET_WORDS)
    client.force_login(facilitator)
    page = client.get(reverse("groups:detail", args=[moment.meeting.group.public_id]))
    assert page.status_code == 200
    html = page.content.decode()
    assert SECRET_WORDS not in html
    assert "<svg" not in html
    assert "te weinig antwoorden" in html or "too few answers" in html
    moment_page = client.get(reverse("groups:moment", args=[moment.public_id])).content.decode()
    assert "4" in moment_page and SECRET_WORDS not in moment_page


def test_the_group_page_shows_chart_table_and_open_answers_above_it(client, facilitator, moment):
    for value in (5, 5, 4, 4, 3):
        answer(moment, value=value, open_answer=SECRET_WORDS if value == 3 else "")
    client.force_login(facilitator)
    page = client.get(reverse("groups:detail", args=[moment.meeting.group.public_id]))
    html = page.content.decode()
    assert "<svg" in html
    assert "statement-chart__national" in html
    assert "80%" in html  # 4 of 5 agreed
    assert "84%" in html  # the national reference
    assert SECRET_WORDS in html
    assert "no-store" in page["Cache-Control"]


def _quarter_with(association, group, answers: int):
    group.association = association
    group.save()
    moment = open_moment(group)
    for _ in range(answers):
        answer(moment, value=4, open_answer=SECRET_WORDS)
    return moment


@pytest.mark.parametrize("answers, shown", [(4, False), (5, True)])
def test_association_page_csv_and_pdf_hold_to_the_threshold(
    client, association, association_staff, group, clock, answers, shown
):
    _quarter_with(association, group, answers)
    login_with_mfa(client, association_staff)
    query = "?kwartaal=2026-1"
    page = client.get(reverse("groups:association_quarter", args=[association.pk]) + query)
    assert page.status_code == 200
    html = page.content.decode()
    assert SECRET_WORDS not in html
    assert ("100%" in html) is shown
    csv_text = client.get(
        reverse("groups:association_quarter_csv", args=[association.pk]) + query
    ).content.decode()
    assert SECRET_WORDS not in csv_text
    group_row = next(row for row in csv.reader(io.StringIO(csv_text)) if row[0] == group.name)
    assert group_row[1] == str(answers)
    assert group_row[-1] == ("100" if shown else "")
    pdf = client.get(reverse("groups:association_quarter_pdf", args=[association.pk]) + query)
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert SECRET_WORDS not in text
    assert ("100%" in text) is shown


def test_the_quarter_counts_by_meeting_date(association, group, clock):
    _quarter_with(association, group, 5)
    report = selectors.association_quarter(association=association, year=2026, quarter=2)
    assert report.overall.count == 0
    report = selectors.association_quarter(association=association, year=2026, quarter=1)
    assert report.overall.count == 5
    assert report.groups[0][1].shown


def test_a_group_of_a_facilitator_not_linked_is_not_counted(association, clock):
    import uuid

    from tests.factories import EnrolmentFactory

    stranger = EnrolmentFactory().learner
    other, _ = services.peer_group_create(
        facilitator=stranger, client_id=uuid.uuid4(), name="Niet gekoppeld"
    )
    other.association = association  # as if set behind the service's back
    other.save()
    moment = open_moment(other)
    for _ in range(5):
        answer(moment)
    report = selectors.association_quarter(association=association, year=2026, quarter=1)
    assert report.overall.count == 0


def test_trainer_sees_only_shared_groups_figures(client, facilitator, group, clock):
    from training.learning.models import Enrolment

    trainer = Enrolment.objects.get(learner=facilitator).cohort.trainers.get()
    moment = open_moment(group)
    for _ in range(5):
        answer(moment, value=5, open_answer=SECRET_WORDS)
    client.force_login(trainer)
    assert client.get(reverse("groups:trainer")).status_code == 404  # not shared yet
    services.peer_group_update(group=group, shared_with_trainers=True)
    page = client.get(reverse("groups:trainer"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "100%" in html
    assert SECRET_WORDS not in html


def test_retention_empties_open_answers_and_keeps_figures(moment, clock):
    answer(moment, value=4, open_answer=SECRET_WORDS)
    assert services.open_answers_expire(today=datetime.date(2027, 3, 4)) == 0
    assert services.open_answers_expire(today=datetime.date(2027, 3, 5)) == 1
    row = FeedbackAnswer.objects.get()
    assert row.open_answer == ""
    assert row.safe == 4


@pytest.mark.parametrize("answers, shown", [(4, False), (5, True)])
def test_the_api_holds_to_the_threshold(
    client, association, association_staff, group, clock, answers, shown
):
    from training.associations.services import api_token_create

    _quarter_with(association, group, answers)
    _token, raw = api_token_create(association=association, user=association_staff, name="Jaar")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    url = f"/api/v1/associations/{association.pk}/group-feedback"
    response = client.get(url + "?year=2026&quarter=1", **auth)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert SECRET_WORDS not in response.content.decode()
    (row,) = body["groups"]
    assert row["feedback"]["answers"] == answers
    assert row["feedback"]["shown"] is shown
    assert bool(row["feedback"]["statements"]) is shown
    assert bool(row["feedback"]["gains"]) is shown
    assert client.get(url + "?year=2026&quarter=5", **auth).status_code == 422
    other = AssociationFactory()
    other_url = f"/api/v1/associations/{other.pk}/group-feedback?year=2026&quarter=1"
    assert client.get(other_url, **auth).status_code == 404
