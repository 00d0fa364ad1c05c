"""Published content is cached per content generation; learner state never is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    UserFactory,
    build_course,
    knowledge_check_block,
    paragraph_block,
    publish_page,
)
from training.courses.models import LessonPage, ModulePage
from training.courses.selectors import course_outline

pytestmark = pytest.mark.django_db


def lesson_tree_queries(queries):
    """Queries that read the lessons below a course (the outline, the check ids)."""
    return [q["sql"] for q in queries if "courses_lessonpage" in q["sql"] and " LIKE " in q["sql"]]


def test_second_view_of_a_lesson_reads_no_course_tree_and_fewer_queries(
    client, catalog, django_assert_max_num_queries
):
    course = build_course(catalog=catalog, modules=3, lessons_per_module=20)
    lesson = LessonPage.objects.descendant_of(course).last()
    with CaptureQueriesContext(connection) as first:
        assert client.get(lesson.url).status_code == 200

    with django_assert_max_num_queries(len(first) - 3), CaptureQueriesContext(connection) as second:
        assert client.get(lesson.url).status_code == 200

    assert lesson_tree_queries(first.captured_queries)
    assert lesson_tree_queries(second.captured_queries) == []


def test_a_newly_published_lesson_appears_in_the_outline(catalog):
    course = build_course(catalog=catalog, modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    assert len(course_outline(course=course).lessons) == 1

    draft = LessonPageFactory(parent=module, title="Nieuwe les", live=False)
    assert len(course_outline(course=course).lessons) == 1
    publish_page(draft)

    assert [lesson.title for lesson in course_outline(course=course).lessons][-1] == "Nieuwe les"


def test_an_unpublished_lesson_leaves_the_module_page(client, catalog):
    course = build_course(catalog=catalog, modules=1, lessons_per_module=2)
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPage.objects.descendant_of(course).last()
    assert lesson.title in client.get(module.url).content.decode()

    lesson.unpublish()

    assert lesson.title not in client.get(module.url).content.decode()


def test_a_moved_lesson_moves_in_the_outline(catalog):
    course = build_course(catalog=catalog, modules=2, lessons_per_module=1)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    lesson = LessonPage.objects.child_of(first).get()
    assert course_outline(course=course).module_of(lesson.pk).page.pk == first.pk

    lesson.move(second, pos="last-child")

    assert course_outline(course=course).module_of(lesson.pk).page.pk == second.pk


def test_a_published_revision_shows_its_new_body(client, catalog):
    course = build_course(catalog=catalog, modules=1, lessons_per_module=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    assert "Luisteren is de kern." in client.get(lesson.url).content.decode()

    lesson.body = [paragraph_block("<p>Samenvatten komt daarna.</p>")]
    publish_page(lesson)

    page = client.get(lesson.url).content.decode()
    assert "Samenvatten komt daarna." in page
    assert "Luisteren is de kern." not in page


def test_the_cached_body_follows_the_language(client, catalog):
    course = build_course(catalog=catalog, modules=1, lessons_per_module=0)
    module = ModulePage.objects.child_of(course).get()
    exercise = {
        "title": "Oefen",
        "scenario": "<p>Een nieuwe deelnemer.</p>",
        "instruction": "<p>Luister.</p>",
    }
    lesson = LessonPageFactory(parent=module, body=[{"type": "exercise", "value": exercise}])

    dutch = client.get(lesson.url).content.decode()
    client.cookies["django_language"] = "en"  # chosen with the language switch
    english = client.get(lesson.url).content.decode()

    assert "Wat je doet" in dutch and "What to do" not in dutch
    assert "What to do" in english and "Wat je doet" not in english


def test_knowledge_check_answers_are_never_shared_through_the_cache(client, catalog):
    from training.assessments.knowledge_checks import knowledge_check_answer

    course = build_course(catalog=catalog, modules=1, lessons_per_module=0)
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPageFactory(
        parent=module, body=[paragraph_block(), knowledge_check_block(question="Wat eerst?")]
    )
    cohort = CohortFactory(course=course)
    answered = EnrolmentFactory(cohort=cohort)
    other = EnrolmentFactory(cohort=cohort, learner=UserFactory())
    check = lesson.knowledge_checks()[0]
    right = next(iter(check.value.correct_option_ids()))
    knowledge_check_answer(
        enrolment=answered, lesson=lesson, check_id=check.id, selected_option_ids=[right]
    )

    client.force_login(answered.learner)
    assert "Goed!" in client.get(lesson.url).content.decode()
    client.force_login(other.learner)
    page = client.get(lesson.url).content.decode()

    assert "Wat eerst?" in page
    assert "Goed!" not in page and " checked" not in page


def test_knowledge_check_ids_follow_a_new_revision(catalog):
    from training.courses.selectors import course_knowledge_check_ids

    course = build_course(catalog=catalog, modules=1, lessons_per_module=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    assert course_knowledge_check_ids(course=course) == {}

    block = knowledge_check_block()
    lesson.body = [paragraph_block(), block]
    publish_page(lesson)

    assert course_knowledge_check_ids(course=course) == {lesson.pk: frozenset({block["id"]})}


@pytest.mark.parametrize(
    "path",
    ["/api/v1/x/note to the learner/", "/les/" + "é" * 10, "/" + "a" * 400, "/tab\t/\x00/"],
)
def test_keys_from_any_path_are_valid_for_every_cache_backend(path):
    """Paths come from visitors: spaces, control characters, non-ASCII and long paths
    must still give a memcached-safe key (Django's own key check warns otherwise),
    and different paths different keys."""
    import warnings

    from django.core.cache.backends.base import BaseCache, CacheKeyWarning

    from training.courses.content_cache import content_key

    key = content_key("page", "http", "localhost", path, "nl")
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        BaseCache({}).validate_key(key)
    assert key != content_key("page", "http", "localhost", path + "x", "nl")
    assert key.startswith("course-content:")


def test_plain_keys_stay_readable():
    from training.courses.content_cache import content_key

    assert content_key("route", 1, 3, "cursussen/les-1").endswith(":route:1:3:cursussen/les-1")
