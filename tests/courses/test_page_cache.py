"""Anonymous public pages come from the full-page cache; nobody else's page ever does."""

import re
from unittest import mock

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest
from django.test import Client
from wagtail.models import PageViewRestriction

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
from training.courses.page_cache import CSRF_PLACEHOLDER, STATUS_HEADER, page_cache_key

pytestmark = pytest.mark.django_db

CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def lesson(catalog):
    course = build_course(catalog=catalog, modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    return LessonPageFactory(
        parent=module, title="Les met vraag", body=[paragraph_block(), knowledge_check_block()]
    )


def cache_status(response):
    return response.headers.get(STATUS_HEADER)


def test_the_second_anonymous_view_is_a_hit_without_queries(
    client, lesson, django_assert_max_num_queries
):
    first = client.get(lesson.url)
    assert first.status_code == 200
    assert cache_status(first) == "miss"

    with django_assert_max_num_queries(0):
        second = client.get(lesson.url)

    assert cache_status(second) == "hit"
    assert "Les met vraag" in second.content.decode()
    assert "Luisteren is de kern." in second.content.decode()


@pytest.mark.parametrize("page", ["home", "course", "module", "lesson"])
def test_home_course_module_and_lesson_pages_are_cached(client, lesson, home_page, page):
    module = lesson.get_parent()
    url = {
        "home": home_page.url,
        "course": module.get_parent().url,
        "module": module.url,
        "lesson": lesson.url,
    }[page]
    assert cache_status(client.get(url)) == "miss"
    assert cache_status(client.get(url)) == "hit"


def test_the_stored_page_holds_no_token_and_each_visitor_gets_a_working_own_one(lesson):
    Client().get(lesson.url)  # stored
    entry = cache.get(_request_for(lesson.url))
    assert entry is not None
    # The language switch and the visitor's knowledge-check forms: only placeholders.
    stored = CSRF_VALUE.findall(entry["content"])
    assert stored and set(stored) == {CSRF_PLACEHOLDER}

    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    tokens = []
    for visitor in (first, second):
        response = visitor.get(lesson.url)
        assert cache_status(response) == "hit"
        page_tokens = set(CSRF_VALUE.findall(response.content.decode()))
        assert len(page_tokens) == 1 and CSRF_PLACEHOLDER not in page_tokens
        tokens.append(page_tokens.pop())
        switched = visitor.post(
            "/i18n/setlang/",
            {"language": "en", "next": lesson.url, "csrfmiddlewaretoken": tokens[-1]},
        )
        assert switched.status_code == 302  # accepted, not 403
    assert tokens[0] != tokens[1]


def _request_for(path, language="nl"):
    """The key a plain visitor's request for `path` has (as the test client sends it)."""
    from django.utils import translation

    request = HttpRequest()
    request.META.update(SERVER_NAME="testserver", SERVER_PORT="80")
    request.path = path
    with translation.override(language):
        return page_cache_key(request)


def test_signed_in_visitors_never_get_or_leave_a_cached_page(client, lesson):
    learner = UserFactory()
    cohort = CohortFactory(course=lesson.get_parent().get_parent().specific)
    EnrolmentFactory(learner=learner, cohort=cohort, course=cohort.course)
    assert cache_status(Client().get(lesson.url)) == "miss"

    client.force_login(learner)
    for _ in range(2):
        response = client.get(lesson.url)
        assert response.status_code == 200
        assert cache_status(response) is None
        assert "Deze les is afgerond als je de kennisvragen" in response.content.decode()
        assert "Uitloggen" in response.content.decode()
    assert "Uitloggen" not in Client().get(lesson.url).content.decode()


def test_a_visitor_with_messages_gets_them_and_they_are_never_stored(lesson):
    assert cache_status(Client().get(lesson.url)) == "miss"
    with_message = Client()
    storage = CookieStorage(HttpRequest())
    with_message.cookies["messages"] = storage._encode(
        [Message(constants.INFO, "Bericht voor deze bezoeker")]
    )

    response = with_message.get(lesson.url)

    assert cache_status(response) is None
    assert "Bericht voor deze bezoeker" in response.content.decode()
    other = Client().get(lesson.url)
    assert cache_status(other) == "hit"
    assert "Bericht voor deze bezoeker" not in other.content.decode()


def test_a_visitor_with_a_session_is_served_the_page_itself(lesson):
    visitor = Client()
    session = visitor.session
    session["kept"] = "x"
    session.save()
    visitor.cookies["sessionid"] = session.session_key
    for _ in range(2):
        assert cache_status(visitor.get(lesson.url)) is None


def test_languages_are_cached_apart(lesson):
    dutch, english = Client(), Client()
    english.cookies["django_language"] = "en"  # chosen with the language switch
    assert cache_status(dutch.get(lesson.url)) == "miss"
    assert cache_status(english.get(lesson.url)) == "miss"
    for _ in range(2):
        nl, en = dutch.get(lesson.url), english.get(lesson.url)
        assert (cache_status(nl), cache_status(en)) == ("hit", "hit")
        assert "Naar de inhoud" in nl.content.decode()
        assert 'lang="en"' in en.content.decode()
        assert "Skip to content" in en.content.decode()
        assert "Skip to content" not in nl.content.decode()


def test_a_published_change_is_shown_at_once(client, lesson):
    assert cache_status(client.get(lesson.url)) == "miss"
    assert cache_status(client.get(lesson.url)) == "hit"

    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.title = "Les met nieuwe titel"
    publish_page(lesson)

    response = client.get(lesson.url)
    assert cache_status(response) == "miss"
    assert "Les met nieuwe titel" in response.content.decode()


def test_an_unpublished_lesson_is_not_served_from_the_cache(client, lesson):
    url = lesson.url
    client.get(url)
    assert cache_status(client.get(url)) == "hit"

    lesson.unpublish()

    assert client.get(url).status_code == 404


@pytest.mark.parametrize("restriction", ["login", "password"])
def test_pages_with_a_view_restriction_are_never_cached(client, lesson, restriction):
    course = lesson.get_parent().get_parent()
    PageViewRestriction.objects.create(page=course, restriction_type=restriction, password="geheim")
    for _ in range(2):
        response = client.get(lesson.url)
        assert cache_status(response) is None
        assert "Luisteren is de kern." not in response.content.decode()


def test_a_query_string_is_never_cached(client, lesson):
    for _ in range(2):
        assert cache_status(client.get(lesson.url, {"x": "1"})) is None


def test_signed_in_page_views_spend_no_query_on_the_cache(client, lesson):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(UserFactory())
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(lesson.url).status_code == 200

    restriction_queries = [
        q for q in queries.captured_queries if "wagtailcore_pageviewrestriction" in q["sql"]
    ]
    assert len(restriction_queries) == 1  # Wagtail's own check, not a second one for the cache


@pytest.mark.parametrize("path", ["/account/login/", "/controleer/", "/zoeken/"])
def test_a_view_that_is_not_a_wagtail_page_never_looks_in_the_page_cache(path):
    # Those can never be stored, and each lookup is a query with production's
    # database cache: the sign-in and verification pages (and the bench's floor)
    # paid two cache reads for nothing on every anonymous request.
    looked_up = []
    real_get = cache.get

    def get(key, *args, **kwargs):
        looked_up.append(key)
        return real_get(key, *args, **kwargs)

    with mock.patch.object(cache, "get", side_effect=get):
        response = Client().get(path)

    assert response.status_code == 200
    assert not [key for key in looked_up if ":page:" in key]
