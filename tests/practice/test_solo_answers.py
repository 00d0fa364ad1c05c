"""Answering a "respond to this" block: stored once, only for the learner, never lost."""

import pytest
from django.db import IntegrityError, transaction

from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, build_course
from tests.practice.solo_factories import MODEL_QUESTION, MODEL_SUMMARY, solo_lesson
from training.practice import solo
from training.practice.models import SoloAnswer
from training.practice.selectors import practice_personal_data
from training.practice.services import practice_texts_remove

pytestmark = pytest.mark.django_db

GOOD = {
    "summary": "Je zorgt elke dag voor je man, en niemand vraagt hoe het met jou gaat.",
    "question": "Hoe is dat voor jou?",
}


@pytest.fixture
def setup():
    return solo_lesson()


def _url(lesson, block_id):
    return f"/mijn/oefenen/les/{lesson.pk}/reageer/{block_id}/"


def _post(client, lesson, block_id, data):
    return client.post(_url(lesson, block_id), data)


def test_the_model_answer_is_absent_before_answering_and_present_after(client, setup):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)

    before = client.get(lesson.url).content.decode()
    assert f'action="{_url(lesson, block_id)}#respond-{block_id}"' in before
    assert MODEL_SUMMARY not in before and MODEL_QUESTION not in before
    assert "zonder oordeel" not in before  # the reasons

    response = _post(client, lesson, block_id, GOOD)
    assert response.status_code == 302
    assert response["Location"] == f"{lesson.url}#respond-{block_id}"

    after = client.get(lesson.url).content.decode()
    assert MODEL_SUMMARY in after and MODEL_QUESTION in after and "zonder oordeel" in after
    assert "Je zorgt elke dag voor je man, en niemand vraagt" in after  # their own text, kept


def test_an_answer_is_stored_once_and_resubmitting_updates_it(client, setup):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    _post(client, lesson, block_id, GOOD)
    _post(client, lesson, block_id, {**GOOD, "question": "Wat zou je willen dat ze vragen?"})

    answer = SoloAnswer.objects.get()
    assert (answer.enrolment, answer.lesson_id, answer.block_id) == (enrolment, lesson.pk, block_id)
    assert answer.question == "Wat zou je willen dat ze vragen?"
    assert answer.updated_at >= answer.created_at


def test_the_database_refuses_a_second_row_for_the_same_block(setup):
    lesson, enrolment, block_id = setup
    SoloAnswer.objects.create(enrolment=enrolment, lesson=lesson, block_id=block_id, **GOOD)
    with pytest.raises(IntegrityError), transaction.atomic():
        SoloAnswer.objects.create(enrolment=enrolment, lesson=lesson, block_id=block_id, **GOOD)


def test_lesson_and_answer_responses_are_no_store(client, setup):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    for response in (
        client.get(lesson.url),
        _post(client, lesson, block_id, GOOD),
        _post(client, lesson, block_id, {"summary": "", "question": ""}),
    ):
        assert "no-store" in response["Cache-Control"]


def test_another_learner_cannot_see_or_post(client, setup):
    lesson, enrolment, block_id = setup
    SoloAnswer.objects.create(enrolment=enrolment, lesson=lesson, block_id=block_id, **GOOD)
    other = EnrolmentFactory(cohort=CohortFactory(course=build_course(modules=1)))
    client.force_login(other.learner)

    assert client.get(_url(lesson, block_id)).status_code == 404
    assert _post(client, lesson, block_id, GOOD).status_code == 404
    page = client.get(lesson.url).content.decode()
    assert GOOD["summary"] not in page and MODEL_SUMMARY not in page
    assert SoloAnswer.objects.count() == 1


def test_a_signed_in_visitor_who_is_not_enrolled_gets_404(client, setup):
    lesson, _enrolment, block_id = setup
    client.force_login(UserFactory())
    assert _post(client, lesson, block_id, GOOD).status_code == 404
    assert not SoloAnswer.objects.exists()


def test_an_anonymous_post_is_a_404_that_keeps_the_text(client, setup):
    lesson, _enrolment, block_id = setup
    response = _post(client, lesson, block_id, GOOD)
    assert response.status_code == 404
    assert GOOD["summary"] in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert not SoloAnswer.objects.exists()


def test_a_visitor_sees_the_statement_and_a_way_in_but_no_model_answer(client, setup):
    lesson, _enrolment, _block_id = setup
    html = client.get(lesson.url).content.decode()
    assert "niemand vraagt hoe het met mij gaat" in html
    assert "Log in om hier te oefenen" in html
    assert "<textarea" not in html
    assert MODEL_SUMMARY not in html and MODEL_QUESTION not in html


def test_an_unknown_or_non_respond_block_is_404(client, setup):
    lesson, enrolment, _block_id = setup
    client.force_login(enrolment.learner)
    dilemma_id = lesson.body[1].id
    assert _post(client, lesson, "6f1c1f7e-0000-4000-8000-000000000000", GOOD).status_code == 404
    assert _post(client, lesson, dilemma_id, GOOD).status_code == 404
    assert not SoloAnswer.objects.exists()


def test_an_empty_field_gets_a_friendly_error_and_keeps_the_other_text(client, setup):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    response = _post(client, lesson, block_id, {"summary": GOOD["summary"], "question": "  "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Schrijf ook je open vraag." in html
    assert GOOD["summary"] in html
    assert MODEL_SUMMARY not in html
    assert not SoloAnswer.objects.exists()


def test_a_too_long_text_is_refused_whole_never_cut_short(client, setup):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    long_text = "Ik hoor dat je moe bent. " * 100  # 2,500 characters
    response = _post(client, lesson, block_id, {"summary": long_text, "question": "Hoe gaat het?"})
    assert response.status_code == 400
    html = response.content.decode()
    assert long_text.strip() in html
    assert "hoogstens 2000" in html
    assert "maxlength" not in html
    assert not SoloAnswer.objects.exists()


def test_a_locked_module_refuses_but_keeps_the_text(client):
    lesson, enrolment, block_id = solo_lesson(sequential=True)
    # A first module the learner has not finished locks the lesson's module.
    from tests.factories import LessonPageFactory, ModulePageFactory

    course = lesson.get_parent().get_parent()
    first = ModulePageFactory(parent=course)
    LessonPageFactory(parent=first)
    first.move(course, pos="first-child")
    client.force_login(enrolment.learner)
    response = _post(client, lesson, block_id, GOOD)
    assert response.status_code == 400
    assert GOOD["summary"] in response.content.decode()
    assert not SoloAnswer.objects.exists()


def test_the_coach_notices_advice_a_closed_question_and_an_ik_story(client, setup):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    _post(
        client,
        lesson,
        block_id,
        {
            "summary": "Ik had dat ook bij mijn vader. Je moet echt hulp vragen.",
            "question": "Heb je al met de huisarts gepraat?",
        },
    )
    html = client.get(lesson.url).content.decode()
    assert "“je moet” klinkt als advies" in html
    assert "ja of nee" in html
    assert "Hier vertel je over jezelf" in html
    assert "goed geluisterd" not in html


def test_the_coach_acknowledges_a_real_summary_and_open_question():
    feedback = solo.solo_feedback(**GOOD)
    assert not feedback.hints
    assert {note.kind for note in feedback.praise} == {"good"} and len(feedback.praise) == 2


def test_a_why_question_gets_a_gentle_hint():
    feedback = solo.solo_feedback(summary=GOOD["summary"], question="Waarom zeg je dat niet?")
    assert [note.kind for note in feedback.hints] == ["why"]


def test_the_data_export_holds_the_answers_and_erasure_removes_them(setup):
    lesson, enrolment, block_id = setup
    solo.solo_answer_submit(enrolment=enrolment, lesson=lesson, block_id=block_id, **GOOD)
    data = practice_personal_data(enrolment_ids=[enrolment.pk])
    assert data["solo_answers"] == [
        {
            "lesson": lesson.title,
            "summary": GOOD["summary"],
            "question": GOOD["question"],
            "at": SoloAnswer.objects.get().updated_at.isoformat(),
        }
    ]
    practice_texts_remove(enrolment_ids=[enrolment.pk])
    assert not SoloAnswer.objects.exists()


def test_the_lesson_page_reads_the_answers_in_few_queries(
    client, setup, django_assert_max_num_queries
):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    _post(client, lesson, block_id, GOOD)
    client.get(lesson.url)
    with django_assert_max_num_queries(30):
        assert client.get(lesson.url).status_code == 200


def test_a_visitors_lesson_page_is_cached_without_anything_personal(client, setup):
    from training.courses.page_cache import STATUS_HEADER

    lesson, enrolment, block_id = setup
    SoloAnswer.objects.create(enrolment=enrolment, lesson=lesson, block_id=block_id, **GOOD)
    assert client.get(lesson.url).headers.get(STATUS_HEADER) == "miss"
    second = client.get(lesson.url)
    assert second.headers.get(STATUS_HEADER) == "hit"
    html = second.content.decode()
    assert "niemand vraagt hoe het met mij gaat" in html
    assert GOOD["summary"] not in html and MODEL_SUMMARY not in html


def test_a_few_words_are_not_yet_acknowledged_as_a_summary():
    feedback = solo.solo_feedback(summary="Je bent moe.", question=GOOD["question"])
    assert [note.text for note in feedback.praise] == [
        "Je vraag is open: die nodigt de ander uit om meer te vertellen."
    ]


def test_an_answer_while_the_database_is_locked_gets_a_calm_503(client, setup):
    from tests.busy import assert_busy, database_locked

    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    with database_locked():
        response = _post(client, lesson, block_id, GOOD)
    assert_busy(response, kept=(GOOD["question"],))
    assert not SoloAnswer.objects.exists()
