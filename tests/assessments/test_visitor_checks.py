"""Knowledge checks for visitors (issue 15): checked and explained, nothing stored."""

import pytest
from django.urls import reverse

from tests.factories import (
    CatalogPageFactory,
    CohortFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    UserFactory,
    knowledge_check_block,
    paragraph_block,
)
from training.assessments.models import KnowledgeCheckAttempt
from training.assessments.visitor_checks import knowledge_check_grade

pytestmark = pytest.mark.django_db

RIGHT = ("Eerst luisteren", True, "Ja: zo voelt iemand zich gehoord.")
WRONG = ("Meteen advies geven", False, "Liever niet: eerst luisteren.")


@pytest.fixture
def lesson():
    course = CoursePageFactory(parent=CatalogPageFactory())
    module = ModulePageFactory(parent=course)
    return LessonPageFactory(
        parent=module,
        body=[
            paragraph_block(),
            knowledge_check_block(question="Wat doe je eerst?", options=[RIGHT, WRONG]),
        ],
    )


def check_of(lesson):
    block = lesson.knowledge_checks()[0]
    (right, _), (wrong, _) = block.value.choices()
    url = reverse("visitor_checks:check", args=[lesson.pk, block.id])
    return block, right, wrong, url


def test_a_visitors_form_posts_to_the_visitor_check(client, lesson):
    _block, _right, _wrong, url = check_of(lesson)

    html = client.get(lesson.url).content.decode()

    assert f'action="{url}#kc-' in html
    assert "Controleer mijn antwoord" in html
    assert "Ja: zo voelt" not in html and "Liever niet" not in html  # no feedback before answering


def test_a_wrong_then_a_right_answer_shows_the_feedback_and_stores_nothing(client, lesson):
    _block, right, wrong, url = check_of(lesson)

    response = client.post(url, {"option": wrong})
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    assert "Nog niet helemaal" in html and WRONG[2] in html
    assert RIGHT[2] not in html  # the unchosen right option's feedback stays hidden
    assert "Je antwoord wordt niet bewaard." in html
    assert "Doe mee met de cursus om je voortgang te bewaren." in html

    html = client.post(url, {"option": right}).content.decode()
    assert "Goed!" in html and RIGHT[2] in html

    assert not KnowledgeCheckAttempt.objects.exists()
    assert "sessionid" not in client.cookies


@pytest.mark.parametrize("data", [{}, {"option": "kwaadaardig"}])
def test_no_or_a_tampered_answer_gives_a_friendly_message(client, lesson, data):
    _block, _right, _wrong, url = check_of(lesson)

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Kies eerst een antwoord." in response.content.decode()


def test_two_answers_to_a_one_answer_check_are_no_answer(lesson):
    block, right, wrong, _url = check_of(lesson)

    answer = knowledge_check_grade(
        check=block.value, check_id=block.id, selected_option_ids=[right, wrong]
    )

    assert answer.error and answer.last_selected == ()


def test_unknown_checks_lessons_and_drafts_are_not_found(client, lesson):
    block, right, _wrong, _url = check_of(lesson)
    other = LessonPageFactory(parent=lesson.get_parent())
    draft = LessonPageFactory(parent=lesson.get_parent(), live=False, body=lesson.body.raw_data)
    urls = [
        reverse("visitor_checks:check", args=[other.pk, block.id]),
        reverse("visitor_checks:check", args=[draft.pk, block.id]),
        reverse("visitor_checks:check", args=[999999, block.id]),
    ]
    for url in urls:
        assert client.post(url, {"option": right}).status_code == 404, url


def test_a_lesson_in_an_unpublished_course_is_not_found(client, lesson):
    block, right, _wrong, url = check_of(lesson)
    course = lesson.get_parent().get_parent()
    course.live = False
    course.save()

    assert client.post(url, {"option": right}).status_code == 404


def test_only_a_post_checks_an_answer(client, lesson):
    _block, _right, _wrong, url = check_of(lesson)

    assert client.get(url).status_code == 405


def test_an_enrolled_learner_still_answers_through_the_stored_check(client, lesson):
    course = lesson.get_parent().get_parent()
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    client.force_login(enrolment.learner)
    block = lesson.knowledge_checks()[0]

    html = client.get(lesson.url).content.decode()

    assert reverse("knowledge_checks:answer", args=[lesson.pk, block.id]) in html
    assert reverse("visitor_checks:check", args=[lesson.pk, block.id]) not in html


def test_a_signed_in_user_who_does_not_take_the_course_checks_as_a_visitor(client, lesson):
    client.force_login(UserFactory())
    _block, right, _wrong, url = check_of(lesson)

    html = client.post(url, {"option": right}).content.decode()

    assert "Goed!" in html
    assert not KnowledgeCheckAttempt.objects.exists()
