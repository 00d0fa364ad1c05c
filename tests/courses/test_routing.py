"""The cached site lookup and page route (training/courses/routing.py) keep Wagtail's rules."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    LessonPageFactory,
    UserFactory,
    build_course,
    publish_page,
)
from training.courses.models import LessonPage, ModulePage
from training.courses.routing import site_for_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalog):
    return build_course(catalog=catalog, modules=2, lessons_per_module=2, sequential=False)


@pytest.fixture
def learner(course):
    return EnrolmentFactory(cohort=CohortFactory(course=course)).learner


def lesson_of(course, index=-1):
    return list(LessonPage.objects.descendant_of(course).order_by("path"))[index]


def page_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if 'FROM "wagtailcore_page"' in q["sql"]]


def test_a_known_route_loads_the_page_in_one_query_instead_of_one_per_level(
    client, course, learner
):
    lesson = lesson_of(course)
    client.force_login(learner)
    with CaptureQueriesContext(connection) as first:
        assert client.get(lesson.url).status_code == 200
    with CaptureQueriesContext(connection) as second:
        response = client.get(lesson.url)

    assert response.status_code == 200
    assert response.context["page"] == lesson
    assert len(second) < len(first)
    routing = [sql for sql in page_queries(second) if '"wagtailcore_page"."url_path"' in sql]
    assert len(routing) <= 1
    assert not [q for q in second if 'FROM "wagtailcore_site"' in q["sql"]]


def test_an_unpublished_page_is_not_found_though_its_route_was_cached(client, course, learner):
    lesson = lesson_of(course).specific
    client.force_login(learner)
    assert client.get(lesson.url).status_code == 200
    url = lesson.url

    lesson.unpublish()

    assert client.get(url).status_code == 404


def test_a_moved_page_answers_at_its_new_address_only(client, course, learner):
    lesson = lesson_of(course, 0)
    old_url = lesson.url
    client.force_login(learner)
    assert client.get(old_url).status_code == 200
    other_module = ModulePage.objects.child_of(course).order_by("path").last()

    lesson.move(other_module, pos="last-child")
    lesson = Page.objects.get(pk=lesson.pk)

    # Not served there from the cache: Wagtail's not-found, then its automatic redirect.
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == lesson.url
    assert client.get(lesson.url).status_code == 200


def test_a_private_page_routed_for_a_member_is_never_served_to_others(client, course):
    module = ModulePage.objects.child_of(course).order_by("path").first()
    lesson = LessonPageFactory(parent=module, title="Alleen voor de groep")
    group = Group.objects.create(name="Binnenkring")
    restriction = PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    member = UserFactory()
    member.groups.add(group)
    client.force_login(member)
    assert client.get(lesson.url).status_code == 200
    assert client.get(lesson.url).status_code == 200  # from the route cache

    client.force_login(UserFactory())
    response = client.get(lesson.url)
    assert response.status_code != 200
    assert "Alleen voor de groep" not in response.content.decode()

    client.logout()
    response = client.get(lesson.url)
    assert response.status_code in (302, 403)
    assert "Alleen voor de groep" not in response.content.decode()


def test_a_page_type_that_routes_itself_always_takes_wagtails_walk(
    client, course, learner, monkeypatch
):
    """RoutablePageMixin and the like override `route()`: never from the cache."""
    calls = []

    def own_route(self, request, path_components):
        calls.append(self.pk)
        return Page.route(self, request, path_components)

    monkeypatch.setattr(LessonPage, "route", own_route)
    lesson = lesson_of(course)
    client.force_login(learner)
    for _ in range(3):
        assert client.get(lesson.url).status_code == 200

    assert calls == [lesson.pk] * 3


def test_a_new_page_at_an_address_that_was_not_found_answers(client, course, learner):
    module = ModulePage.objects.child_of(course).order_by("path").first()
    client.force_login(learner)
    url = module.url + "nieuwe-les/"
    assert client.get(url).status_code == 404

    publish_page(LessonPageFactory(parent=module, slug="nieuwe-les", live=False))

    assert client.get(url).status_code == 200


def test_the_site_comes_from_memory_until_a_site_changes(rf, home_page):
    site = Site.objects.get()
    request = rf.get("/", HTTP_HOST="localhost")
    with CaptureQueriesContext(connection) as queries:
        first = site_for_request(request)
        second = site_for_request(rf.get("/", HTTP_HOST="localhost"))
    assert first == second == site
    assert len([q for q in queries if "wagtailcore_site" in q["sql"]]) == 1
    assert first.root_page is not second.root_page  # no page object shared between requests

    other_root = build_course().get_parent()
    site.root_page = other_root
    site.save()

    assert site_for_request(rf.get("/", HTTP_HOST="localhost")).root_page_id == other_root.pk


def test_an_unknown_host_gets_the_default_site_as_wagtail_gives_it(rf, home_page):
    Site.objects.update(is_default_site=True)
    request = rf.get("/", HTTP_HOST="onbekend.example")
    assert site_for_request(request) == Site._find_for_request(request)
