import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
    TrainerFactory,
    UserFactory,
    build_course,
    knowledge_check_block,
)
from training.courses.models import LessonPage
from training.learning.models import Enrolment, LessonProgress

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment():
    course = build_course(modules=2, lessons_per_module=1, sequential=True)
    module = course.get_children().first()
    LessonPageFactory(parent=module, title="Les met vraag", body=[knowledge_check_block()])
    return EnrolmentFactory(cohort=CohortFactory(course=course))


def _first_lesson(course):
    return LessonPage.objects.descendant_of(course).order_by("path").first()


def test_invite_page_then_join(client):
    cohort = CohortFactory()
    learner = UserFactory()
    client.force_login(learner)
    url = reverse("learning:invite", args=[cohort.invite_token])

    assert cohort.course.title in client.get(url).content.decode()
    response = client.post(url)
    client.post(url)  # a double click

    assert response.status_code == 302 and response["Location"] == cohort.course.url
    assert Enrolment.objects.filter(learner=learner).count() == 1


def test_invalid_invite_shows_a_friendly_dutch_404(client):
    response = client.get(reverse("learning:invite", args=["verzonnen-token"]))
    assert response.status_code == 404
    assert "Deze uitnodigingslink werkt niet" in response.content.decode()


def test_full_cohort_message_keeps_the_learner_on_the_invite_page(client):
    cohort = CohortFactory(capacity=1)
    EnrolmentFactory(cohort=cohort)
    client.force_login(UserFactory())

    response = client.post(reverse("learning:invite", args=[cohort.invite_token]))

    assert response.status_code == 200
    assert "Deze groep is vol" in response.content.decode()


def test_anonymous_post_to_invite_is_sent_to_log_in(client):
    cohort = CohortFactory()
    response = client.post(reverse("learning:invite", args=[cohort.invite_token]))
    assert response.status_code == 302
    assert not Enrolment.objects.exists()


def test_mark_lesson_done_is_idempotent_and_no_store(client, enrolment):
    client.force_login(enrolment.learner)
    lesson = _first_lesson(enrolment.course)
    url = reverse("learning:complete_lesson", args=[lesson.pk])

    client.post(url)
    client.post(url)

    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1
    page = client.get(lesson.url)
    assert "Je hebt deze les afgerond" in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_locked_lesson_shows_not_yet_page(client, enrolment):
    client.force_login(enrolment.learner)
    first_module, second_module = enrolment.course.get_children().order_by("path")
    locked = LessonPage.objects.child_of(second_module).get()

    response = client.get(locked.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nog niet" in html
    assert "Luisteren is de kern." not in html  # the lesson body is not shown


def test_answering_a_check_via_the_page(client, enrolment):
    client.force_login(enrolment.learner)
    lesson = LessonPage.objects.descendant_of(enrolment.course).get(title="Les met vraag")
    block = lesson.knowledge_checks()[0]
    (right, _), (wrong, _) = block.value.choices()
    url = reverse("knowledge_checks:answer", args=[lesson.pk, block.id])

    client.post(url, {"option": wrong})
    html = client.get(lesson.url).content.decode()
    assert "Nog niet helemaal" in html and "Liever niet: eerst luisteren." in html
    assert "Ja: eerst luisteren." not in html  # feedback of the unchosen right option stays hidden

    client.post(url, {"option": right})
    assert LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson).exists()


def test_tampered_answer_gives_a_message_not_an_error(client, enrolment):
    client.force_login(enrolment.learner)
    lesson = LessonPage.objects.descendant_of(enrolment.course).get(title="Les met vraag")
    block = lesson.knowledge_checks()[0]

    response = client.post(
        reverse("knowledge_checks:answer", args=[lesson.pk, block.id]),
        {"option": "kwaadaardig"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Kies eerst een antwoord" in response.content.decode()


def test_leave_course_after_confirmation(client, enrolment):
    client.force_login(enrolment.learner)
    url = reverse("learning:leave", args=[enrolment.course.pk])

    assert client.get(url).status_code == 200
    client.post(url)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.LEFT


def test_dashboard_shows_courses_and_the_next_step(client, enrolment):
    client.force_login(enrolment.learner)
    response = client.get(reverse("learning:dashboard"))
    html = response.content.decode()
    assert enrolment.course.title in html
    assert "Begin aan de cursus" in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("who", ["anonymous", "other_learner", "trainer_of_other_cohort"])
def test_learner_urls_refuse_people_who_are_not_enrolled(client, enrolment, who):
    lesson = _first_lesson(enrolment.course)
    check_lesson = LessonPage.objects.descendant_of(enrolment.course).get(title="Les met vraag")
    block = check_lesson.knowledge_checks()[0]
    if who == "other_learner":
        client.force_login(EnrolmentFactory().learner)
    elif who == "trainer_of_other_cohort":
        client.force_login(TrainerFactory())

    responses = [
        client.post(reverse("learning:complete_lesson", args=[lesson.pk])),
        client.post(
            reverse("knowledge_checks:answer", args=[check_lesson.pk, block.id]), {"option": "x"}
        ),
        client.get(reverse("learning:leave", args=[enrolment.course.pk])),
        client.post(reverse("learning:leave", args=[enrolment.course.pk])),
    ]

    expected = {302} if who == "anonymous" else {404}
    assert {r.status_code for r in responses} == expected
    assert not LessonProgress.objects.exists()
    enrolment.refresh_from_db()
    assert enrolment.is_active


def test_self_enrol_from_an_open_course_page(client):
    cohort = CohortFactory(self_enrolment=True)
    learner = UserFactory()
    client.force_login(learner)

    page = client.get(cohort.course.url).content.decode()
    assert reverse("learning:self_enrol", args=[cohort.course.pk]) in page
    client.post(reverse("learning:self_enrol", args=[cohort.course.pk]))

    assert Enrolment.objects.filter(learner=learner, cohort=cohort).exists()


def test_self_enrol_skips_an_ended_cohort_for_the_open_one(client):
    """An older self-enrolment cohort that has ended must not block the one that runs now."""
    today = datetime.date.today()
    ended = CohortFactory(
        self_enrolment=True,
        starts_on=today - datetime.timedelta(days=90),
        ends_on=today - datetime.timedelta(days=1),
    )
    running = CohortFactory(
        course=ended.course,
        self_enrolment=True,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=60),
    )
    learner = UserFactory()
    client.force_login(learner)

    client.post(reverse("learning:self_enrol", args=[ended.course.pk]))

    assert Enrolment.objects.get(learner=learner).cohort == running


def test_course_page_shows_all_three_pillars_for_an_enrolled_learner(client):
    course = build_course(modules=1, lessons_per_module=1)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    ModulePageFactory(parent=course)
    client.force_login(enrolment.learner)

    html = client.get(course.url).content.decode()

    for label in ("Ervaringsdeskundigheid", "Luistervaardigheden", "Grenzen bewaken"):
        assert label in html


@pytest.mark.parametrize("lessons_per_module", [1, 20])
def test_lesson_page_queries_for_a_learner_stay_flat(
    client, django_assert_max_num_queries, lessons_per_module
):
    """3 lessons or 60, and 1 learner or 40 in the cohort: the same query budget."""
    course = build_course(modules=3, lessons_per_module=lessons_per_module, sequential=False)
    cohort = CohortFactory(course=course)
    enrolment = EnrolmentFactory(cohort=cohort)
    for _ in range(0 if lessons_per_module == 1 else 39):
        EnrolmentFactory(cohort=cohort)
    lesson = LessonPage.objects.descendant_of(course).order_by("path").last()
    client.force_login(enrolment.learner)
    client.get(lesson.url)

    with django_assert_max_num_queries(28):
        assert client.get(lesson.url).status_code == 200


def test_answer_error_is_shown_inside_the_check_not_at_the_top(client, enrolment):
    client.force_login(enrolment.learner)
    lesson = LessonPage.objects.descendant_of(enrolment.course).get(title="Les met vraag")
    block = lesson.knowledge_checks()[0]

    html = client.post(
        reverse("knowledge_checks:answer", args=[lesson.pk, block.id]), {}, follow=True
    ).content.decode()

    check = html[html.index(f'id="kc-{block.id}"') :]
    assert "Kies eerst een antwoord" in check
    assert html.count("Kies eerst een antwoord") == 1


def test_course_page_and_dashboard_agree_on_where_to_carry_on(client):
    course = build_course(modules=1, lessons_per_module=3, sequential=False)
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course))
    first, second, third = LessonPage.objects.descendant_of(course).order_by("path")
    client.force_login(enrolment.learner)

    assert "Begin aan de cursus" in client.get(course.url).content.decode()
    client.get(third.url)  # opened, not done

    for url in (course.url, reverse("learning:dashboard")):
        html = client.get(url).content.decode()
        assert "Verder waar je gebleven was" in html
        assert f'href="{third.url}"' in html
