"""Dilemmas remembered: a learner's path through a dilemma, kept privately, shown back
with an optional reflection, in the data export and gone with erasure."""

import pytest
from django.db import IntegrityError, transaction

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    build_course,
)
from tests.practice.solo_factories import dilemma_block
from training.practice import dilemmas
from training.practice.models import DilemmaPath
from training.practice.selectors import practice_personal_data
from training.practice.services import practice_texts_remove

pytestmark = pytest.mark.django_db

REFLECTION = "Ik wil leren om vriendelijk nee te zeggen, ook 's nachts."


@pytest.fixture
def setup():
    course = build_course(modules=0)
    module = ModulePageFactory(parent=course)
    block = dilemma_block()
    lesson = LessonPageFactory(parent=module, body=[block])
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    return lesson, enrolment, block["id"]


def _choice_url(lesson, block_id):
    return f"/mijn/oefenen/les/{lesson.pk}/dilemma/{block_id}/keuze/"


def _reflection_url(lesson, block_id):
    return f"/mijn/oefenen/les/{lesson.pk}/dilemma/{block_id}/reflectie/"


def test_the_path_is_kept_in_order_once_and_shown_back(client, setup):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    for key in ("2", "1", "1.2", "1"):  # "1" again: not added twice
        response = client.post(_choice_url(lesson, block_id), {"choice": key})
        assert response.status_code == 302
        assert response["Location"] == f"{lesson.url}#dilemma-{block_id}"

    path = DilemmaPath.objects.get()
    assert path.choices == ["2", "1", "1.2"]
    page = client.get(lesson.url).content.decode()
    assert "Jouw keuzes" in page
    mine = page.split("Jouw keuzes", 1)[1]
    order = [
        mine.index("Ik antwoord de volgende ochtend."),
        mine.index("Ik bel haar meteen terug."),
        mine.index("Ik neem weer op."),
    ]
    assert order == sorted(order)
    assert "no-store" in client.get(lesson.url)["Cache-Control"]


def test_a_script_gets_the_path_as_json(client, setup):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    response = client.post(
        _choice_url(lesson, block_id), {"choice": "1"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert response.json() == {
        "ok": True,
        "steps": [{"key": "1", "text": "Ik bel haar meteen terug.", "deeper": False}],
    }
    bad = client.post(
        _choice_url(lesson, block_id), {"choice": "9.9"}, HTTP_ACCEPT="application/json"
    )
    assert bad.status_code == 400 and "veranderd" in bad.json()["error"]
    assert DilemmaPath.objects.get().choices == ["1"]


def test_an_unknown_choice_is_a_friendly_400_and_changes_nothing(client, setup):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    response = client.post(_choice_url(lesson, block_id), {"choice": "<script>"})
    assert response.status_code == 400
    assert "Dit dilemma is veranderd" in response.content.decode()
    assert not DilemmaPath.objects.exists()


def test_the_reflection_is_saved_and_too_long_keeps_the_text(client, setup):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    response = client.post(_reflection_url(lesson, block_id), {"reflection": REFLECTION})
    assert response.status_code == 302
    assert DilemmaPath.objects.get().reflection == REFLECTION
    assert REFLECTION.replace("'", "&#x27;") in client.get(lesson.url).content.decode()

    too_long = "Dit is mijn lange verhaal. " * 60
    refused = client.post(_reflection_url(lesson, block_id), {"reflection": too_long})
    body = refused.content.decode()
    assert refused.status_code == 400 and "no-store" in refused["Cache-Control"]
    assert "hoogstens 1000" in body
    assert too_long.strip() in body  # the text as written, still there
    assert DilemmaPath.objects.get().reflection == REFLECTION  # the saved one untouched


def test_retries_never_duplicate_and_the_database_refuses_a_second_row(setup):
    lesson, enrolment, block_id = setup
    for _ in range(3):
        dilemmas.dilemma_choice_record(
            enrolment=enrolment, lesson=lesson, block_id=block_id, choice="2"
        )
        dilemmas.dilemma_reflection_save(
            enrolment=enrolment, lesson=lesson, block_id=block_id, reflection=REFLECTION
        )
    assert DilemmaPath.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        DilemmaPath.objects.create(enrolment=enrolment, lesson=lesson, block_id=block_id)


def test_another_learner_sees_nothing_of_it_and_gets_404s(client, setup):
    lesson, enrolment, block_id = setup
    dilemmas.dilemma_choice_record(
        enrolment=enrolment, lesson=lesson, block_id=block_id, choice="1.2"
    )
    dilemmas.dilemma_reflection_save(
        enrolment=enrolment, lesson=lesson, block_id=block_id, reflection=REFLECTION
    )
    fellow = EnrolmentFactory(cohort=enrolment.cohort)
    client.force_login(fellow.learner)
    page = client.get(lesson.url).content.decode()
    assert "Ik wil leren om vriendelijk nee te zeggen" not in page
    assert "Deze keuze staat bij jouw keuzes" not in page

    outsider = EnrolmentFactory()  # another course
    client.force_login(outsider.learner)
    for url in (_choice_url(lesson, block_id), _reflection_url(lesson, block_id)):
        assert client.post(url, {"choice": "1", "reflection": "x"}).status_code == 404
    assert (
        client.post(
            f"/mijn/oefenen/les/{lesson.pk}/dilemma/00000000-0000-0000-0000-000000000000/keuze/",
            {"choice": "1"},
        ).status_code
        == 404
    )
    client.logout()
    assert client.post(_choice_url(lesson, block_id), {"choice": "1"}).status_code == 404
    assert DilemmaPath.objects.count() == 1


def test_a_visitors_cached_lesson_holds_nothing_personal(client, setup):
    lesson, enrolment, block_id = setup
    client.force_login(enrolment.learner)
    client.post(_choice_url(lesson, block_id), {"choice": "2"})
    client.post(_reflection_url(lesson, block_id), {"reflection": REFLECTION})
    assert REFLECTION.replace("'", "&#x27;") in client.get(lesson.url).content.decode()
    client.logout()

    visitor = client.get(lesson.url)
    html = visitor.content.decode()
    assert "Ik antwoord de volgende ochtend." in html  # the dilemma itself
    assert "Jouw keuzes" not in html and "vriendelijk nee" not in html
    again = client.get(lesson.url)  # now from the page cache
    assert again.get("X-Page-Cache") == "hit"
    assert "Jouw keuzes" not in again.content.decode()
    # The content cache of the lesson body keeps no rendered dilemma at all.
    from training.courses.selectors import lesson_body_parts

    [part] = lesson_body_parts(lesson=lesson)
    assert part.html is None and part.block.block_type == "dilemma"


def test_the_path_is_in_the_export_and_gone_after_erasure(setup):
    lesson, enrolment, block_id = setup
    for key in ("1", "1.1"):
        dilemmas.dilemma_choice_record(
            enrolment=enrolment, lesson=lesson, block_id=block_id, choice=key
        )
    dilemmas.dilemma_reflection_save(
        enrolment=enrolment, lesson=lesson, block_id=block_id, reflection=REFLECTION
    )
    [row] = practice_personal_data(enrolment_ids=[enrolment.pk])["dilemma_paths"]
    assert row["lesson"] == lesson.title and row["dilemma"] == "Een appje om middernacht"
    assert row["choices"] == ["1", "1.1"]
    assert row["choices_text"] == ["Ik bel haar meteen terug.", "Ik spreek een vaste beltijd af."]
    assert row["reflection"] == REFLECTION

    assert (
        practice_texts_remove(enrolment_ids=[enrolment.pk], dry_run=True)["practice.DilemmaPath"]
        == 1
    )
    assert DilemmaPath.objects.exists()  # a dry run changes nothing
    counts = practice_texts_remove(enrolment_ids=[enrolment.pk])
    assert counts["practice.DilemmaPath"] == 1 and not DilemmaPath.objects.exists()
    assert practice_texts_remove(enrolment_ids=[enrolment.pk])["practice.DilemmaPath"] == 0


def test_account_erasure_removes_the_path(setup):
    from training.privacy.services import account_erase

    lesson, enrolment, block_id = setup
    dilemmas.dilemma_reflection_save(
        enrolment=enrolment, lesson=lesson, block_id=block_id, reflection=REFLECTION
    )
    account_erase(user=enrolment.learner)
    assert not DilemmaPath.objects.exists()


def test_a_locked_module_refuses_the_choice(setup):
    from training.learning.services import ModuleLocked

    course = build_course(modules=1, lessons_per_module=1, sequential=True)
    module = ModulePageFactory(parent=course)
    block = dilemma_block()
    lesson = LessonPageFactory(parent=module, body=[block])
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    with pytest.raises(ModuleLocked):
        dilemmas.dilemma_choice_record(
            enrolment=enrolment, lesson=lesson, block_id=block["id"], choice="1"
        )
    assert not DilemmaPath.objects.exists()
